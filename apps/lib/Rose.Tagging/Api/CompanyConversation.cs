namespace Rose.Tagging.Api;

/// <summary>One of a company's conversations, for the score history.</summary>
public sealed record CompanyConversation(string ConversationId, string Intent, string Stage, int Score, DateTimeOffset LastActivityAt);
