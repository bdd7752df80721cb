namespace Rose.Chat.Api;

/// <summary>
/// <c>POST /rose/v1/conversations</c>, all optional: the page the widget runs on (<c>location.href</c>), the
/// visitor id the widget keeps in localStorage, and whether the visitor consented to identification (as
/// the page tells the widget).
/// </summary>
public sealed record StartConversationRequest(string? Page, string? VisitorId, bool? Consent);
