namespace Rose.Platform.Erasure;

/// <summary>Answer of <c>GET /internal/v1/tenant-erasure</c>: the erasers one app holds.</summary>
public sealed record TenantErasersResponse(IReadOnlyList<TenantEraserInfo> Erasers);
