using Rose.Storage;

namespace Rose.Platform.State;

/// <summary>The stored form of a state key: <c>{tenantId}:{key}</c>, the same on both runtimes.</summary>
public static class StateKeys
{
    public static string Compose(string tenantId, string key)
    {
        TenantIds.EnsureValid(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return TenantIds.Compose(tenantId, key);
    }
}
