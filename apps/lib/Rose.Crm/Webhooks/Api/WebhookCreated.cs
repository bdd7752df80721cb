namespace Rose.Crm.Webhooks.Api;

/// <summary>The endpoint just registered and its signing secret, returned only this once.</summary>
public sealed record WebhookCreated(WebhookView Webhook, string Secret);
