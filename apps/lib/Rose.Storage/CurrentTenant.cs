namespace Rose.Storage;

/// <summary>Scoped holder of the tenant a request, job or event handler acts for.</summary>
public sealed class CurrentTenant : ICurrentTenant
{
    public string? TenantId { get; private set; }

    public IDisposable Use(string tenantId)
    {
        TenantIds.EnsureValid(tenantId);
        var previous = TenantId;
        TenantId = tenantId;
        return new Restore(this, previous);
    }

    private sealed class Restore(CurrentTenant owner, string? previous) : IDisposable
    {
        public void Dispose() => owner.TenantId = previous;
    }
}
