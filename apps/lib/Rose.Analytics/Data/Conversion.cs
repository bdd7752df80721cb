using Rose.Storage;

namespace Rose.Analytics.Data;

/// <summary>A form submitted or a meeting booked on the client's side, attributed to the visitor's last conversation when there was one.</summary>
public sealed class Conversion : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public string Id { get; set; } = string.Empty;

    /// <summary>The caller's id for it (form submission id, booking id): the same id twice is one conversion.</summary>
    public string ExternalId { get; set; } = string.Empty;

    /// <summary><c>form-submitted</c> or <c>meeting-booked</c>.</summary>
    public string Type { get; set; } = string.Empty;

    public string? VisitorId { get; set; }

    /// <summary>The conversation it is attributed to (the visitor's last one within 30 days); null when none.</summary>
    public string? ConversationId { get; set; }

    /// <summary>The skill (call to action) last clicked in that conversation before the conversion.</summary>
    public string? SkillId { get; set; }

    public decimal? Value { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
