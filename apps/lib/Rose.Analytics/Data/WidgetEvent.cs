using Rose.Storage;

namespace Rose.Analytics.Data;

/// <summary>Something a visitor did with the widget: saw it, opened it, sent a message, clicked a call to action.</summary>
public sealed class WidgetEvent : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public long Id { get; set; }

    public string Type { get; set; } = string.Empty;

    public string? ConversationId { get; set; }

    /// <summary>Small JSON payload (e.g. which skill was clicked), at most 2 KB.</summary>
    public string? Data { get; set; }

    /// <summary>When the browser saw it (clamped to the receive time when in the future).</summary>
    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
