using Rose.Storage;

namespace Rose.Crm.HubSpot.Data;

/// <summary>A webhook event already applied: HubSpot retries deliveries, and a retry of an applied event changes nothing.</summary>
public sealed class HubSpotReceivedEvent : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    /// <summary>HubSpot's eventId.</summary>
    public long EventId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
