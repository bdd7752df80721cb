namespace Rose.Chat.Api;

/// <summary>An e-mail left through the widget.</summary>
public sealed record LeadRequest(string? Email, string? Name, string? Company, string? ConversationId);
