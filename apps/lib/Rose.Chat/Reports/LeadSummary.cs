namespace Rose.Chat.Reports;

/// <summary>An e-mail a visitor left, with who they said they were and the conversation it came from.</summary>
public sealed record LeadSummary(string Email, string? Name, string? Company, string? ConversationId, string? FirstQuestion, DateTimeOffset CreatedAt);
