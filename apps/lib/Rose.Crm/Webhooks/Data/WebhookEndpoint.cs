using Rose.Storage;

namespace Rose.Crm.Webhooks.Data;

/// <summary>A URL a tenant registered to receive Rose's events, with its signing secret (encrypted) and its health.</summary>
public sealed class WebhookEndpoint : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public string Id { get; set; } = string.Empty;

    public string Url { get; set; } = string.Empty;

    /// <summary>The subscribed events, comma-separated wire names.</summary>
    public string Events { get; set; } = string.Empty;

    /// <summary>The signing secret, encrypted with the tenant secret key ring; shown in clear only when created.</summary>
    public string ProtectedSecret { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the first of the current run of failed attempts happened; null after a success.</summary>
    public DateTimeOffset? FailingSince { get; set; }

    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>Why it was disabled: the notice the backoffice shows.</summary>
    public string? DisabledReason { get; set; }

    public IReadOnlyList<string> EventList => Events.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
