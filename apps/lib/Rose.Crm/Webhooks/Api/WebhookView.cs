namespace Rose.Crm.Webhooks.Api;

/// <summary>A registered endpoint, without its secret. <paramref name="DisabledReason"/> is the notice shown when Rose disabled it.</summary>
public sealed record WebhookView(string Id, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt, bool Enabled, DateTimeOffset? FailingSince, DateTimeOffset? DisabledAt, string? DisabledReason);
