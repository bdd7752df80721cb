namespace Rose.Storage;

/// <summary>Thrown when a unit of work acting for one tenant tries to write another tenant's row.</summary>
public sealed class CrossTenantWriteException(string entity, string entityTenant, string currentTenant)
    : InvalidOperationException($"A {entity} of tenant '{entityTenant}' cannot be written while acting for tenant '{currentTenant}'.");
