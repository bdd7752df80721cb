namespace Rose.Tenancy.Http;

/// <summary>Endpoint metadata read by <see cref="TenantResolutionMiddleware"/>.</summary>
public sealed record CallerRequirement(CallerKind Kind);
