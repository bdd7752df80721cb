namespace Rose.Crm.Webhooks.Api;

/// <summary>Body of <c>POST /api/v1/webhooks</c>: where to send, and which events (all four when omitted).</summary>
public sealed record WebhookRequest(string? Url, IReadOnlyList<string>? Events);
