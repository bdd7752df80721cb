namespace Rose.Workflows.Api;

/// <summary>Answer of <c>DELETE /admin/v1/tenants/{tenantId}</c>: the off-boarding's instance and where to follow it.</summary>
public sealed record TenantOffboardingAccepted(string TenantId, string InstanceId, string StatusUrl);
