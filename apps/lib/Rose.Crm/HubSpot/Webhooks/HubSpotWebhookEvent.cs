namespace Rose.Crm.HubSpot.Webhooks;

/// <summary>One event of a HubSpot webhook batch (the JSON array HubSpot POSTs), the fields Rose reads.</summary>
public sealed record HubSpotWebhookEvent(
    long EventId,
    long PortalId,
    string? SubscriptionType,
    string? ObjectTypeId,
    long ObjectId,
    long OccurredAt,
    string? PropertyName,
    string? PropertyValue);
