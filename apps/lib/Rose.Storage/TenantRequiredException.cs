namespace Rose.Storage;

/// <summary>Thrown when data is read or written without a current tenant.</summary>
public sealed class TenantRequiredException()
    : InvalidOperationException("No tenant is set for this unit of work: tenant data cannot be read or written without one.");
