namespace Rose.Crm.Webhooks.Api;

/// <summary>One line of an endpoint's delivery log.</summary>
public sealed record WebhookAttemptView(string DeliveryId, string Event, int Attempt, DateTimeOffset At, int? StatusCode, string? Error, int DurationMs, string DeliveryStatus);
