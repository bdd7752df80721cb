using Rose.Storage;

namespace Rose.Crm.Webhooks.Data;

/// <summary>One event for one endpoint: the exact body sent on every attempt, and where it stands.</summary>
public sealed class WebhookDelivery : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    /// <summary>Sent as <c>Rose-Delivery-Id</c>, the same on every retry, so a receiver can drop duplicates.</summary>
    public string Id { get; set; } = string.Empty;

    public string EndpointId { get; set; } = string.Empty;

    /// <summary>The integration event's id: one delivery per event and endpoint, however often the event arrives.</summary>
    public string EventId { get; set; } = string.Empty;

    public string EventType { get; set; } = string.Empty;

    /// <summary>The JSON body, fixed when the delivery is created.</summary>
    public string Payload { get; set; } = string.Empty;

    public WebhookDeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }
}
