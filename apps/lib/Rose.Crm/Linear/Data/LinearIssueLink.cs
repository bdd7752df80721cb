using Rose.Storage;

namespace Rose.Crm.Linear.Data;

/// <summary>
/// The Linear ticket made from one conversation: at most one per conversation (its key), so the
/// transcript shows the ticket instead of making a second one. <see cref="IssueId"/> is chosen by Rose
/// before the call and sent as the issue's id, so a retry after a lost answer cannot make a twin.
/// </summary>
public sealed class LinearIssueLink : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public string ConversationId { get; set; } = string.Empty;

    public string IssueId { get; set; } = string.Empty;

    /// <summary>Linear's human identifier (<c>ENG-123</c>); null until Linear confirmed the creation.</summary>
    public string? Identifier { get; set; }

    public string? Url { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
