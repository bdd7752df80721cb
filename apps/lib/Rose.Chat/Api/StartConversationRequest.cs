namespace Rose.Chat.Api;

/// <summary>
/// <c>POST /rose/v1/conversations</c>, all optional: the visitor id the widget keeps in localStorage,
/// and whether the visitor consented to identification (as the page tells the widget).
/// </summary>
public sealed record StartConversationRequest(string? VisitorId, bool? Consent);
