namespace Rose.Crm.HubSpot.Api;

/// <summary>A lead as the tenant's HubSpot portal knows it: what the sales team set there (lifecycle stage, owner) or whether they deleted it.</summary>
public sealed record HubSpotContactView(string ContactId, string? Email, string? CompanyId, string? LifecycleStage, string? OwnerId, bool Deleted, DateTimeOffset UpdatedAt);
