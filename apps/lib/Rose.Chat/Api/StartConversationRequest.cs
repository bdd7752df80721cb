namespace Rose.Chat.Api;

/// <summary>Optional body of <c>POST /rose/v1/conversations</c>: the page the widget runs on (<c>location.href</c>).</summary>
public sealed record StartConversationRequest(string? Page);
