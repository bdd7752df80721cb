namespace Rose.Crm.Linear.Tickets;

/// <summary>The Linear ticket of a conversation, as the API and the transcript page show it.</summary>
public sealed record LinearIssueView(string ConversationId, string IssueId, string Identifier, string Url, DateTimeOffset CreatedAt);
