using Rose.Storage;

namespace Rose.Crm.Webhooks.Data;

/// <summary>One attempt of a delivery: the delivery log the backoffice shows.</summary>
public sealed class WebhookAttempt : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public long Id { get; set; }

    public string DeliveryId { get; set; } = string.Empty;

    public string EndpointId { get; set; } = string.Empty;

    public int Number { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The endpoint's HTTP status; null when it could not be reached (then see <see cref="Error"/>).</summary>
    public int? StatusCode { get; set; }

    public string? Error { get; set; }

    public int DurationMs { get; set; }
}
