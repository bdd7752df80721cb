using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Rose.Tenancy.Data;
using Rose.Tenancy.Keys;

namespace Rose.Tenancy;

/// <summary>
/// Finds the tenant behind a key. This is the one place that reads tenants without a current
/// tenant (the key is how we learn it), so it alone ignores the tenant filter. Results, including
/// misses, are cached briefly: every widget request passes here. An off-boarded tenant is found by
/// nothing: its keys are refused from the moment it is off-boarded, in this process at once and in
/// the others when the off-boarding's first step clears their cache (or it expires, within <see cref="CacheFor"/>).
/// </summary>
public sealed class TenantDirectory(IServiceScopeFactory scopes) : IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions());

    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public Task<TenantProfile?> FindByPublicKeyAsync(string publicKey, CancellationToken cancellationToken) =>
        TenantKeys.IsWellFormedPublicKey(publicKey)
            ? CachedAsync("pk:" + publicKey, t => t.PublicKey == publicKey, cancellationToken)
            : Task.FromResult<TenantProfile?>(null);

    public Task<TenantProfile?> FindByApiKeyAsync(string apiKey, CancellationToken cancellationToken)
    {
        if (!TenantKeys.IsWellFormedApiKey(apiKey))
        {
            return Task.FromResult<TenantProfile?>(null);
        }

        var hash = TenantKeys.Hash(apiKey);
        return CachedAsync("rk:" + hash, t => t.ApiKeyHash == hash, cancellationToken);
    }

    public Task<TenantProfile?> FindByIdAsync(string tenantId, CancellationToken cancellationToken) =>
        CachedAsync("id:" + tenantId, t => t.TenantId == tenantId, cancellationToken);

    /// <summary>True while and after the tenant is off-boarded (until its row is erased, last): its memberships and keys no longer count.</summary>
    public async Task<bool> IsOffboardedAsync(string tenantId, CancellationToken cancellationToken)
    {
        var cacheKey = "off:" + tenantId;
        if (cache.TryGetValue(cacheKey, out bool cached))
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TenancyDbContext>();
        var offboarded = await db.Tenants.IgnoreQueryFilters().AsNoTracking().AnyAsync(t => t.TenantId == tenantId && t.OffboardedAt != null, cancellationToken);
        cache.Set(cacheKey, offboarded, CacheFor);
        return offboarded;
    }

    /// <summary>Every tenant's id, for jobs that visit each tenant in turn (each then acting for that tenant alone).</summary>
    public async Task<IReadOnlyList<string>> ListTenantIdsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TenancyDbContext>();
        return await db.Tenants.IgnoreQueryFilters().AsNoTracking().Where(t => t.OffboardedAt == null).OrderBy(t => t.TenantId).Select(t => t.TenantId).ToListAsync(cancellationToken);
    }

    /// <summary>Forgets cached lookups after a tenant changed (keys rotated, origins edited).</summary>
    public void Invalidate() => cache.Clear();

    public void Dispose() => cache.Dispose();

    private async Task<TenantProfile?> CachedAsync(
        string cacheKey,
        System.Linq.Expressions.Expression<Func<Tenant, bool>> predicate,
        CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(cacheKey, out TenantProfile? cached))
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TenancyDbContext>();
        var tenant = await db.Tenants.IgnoreQueryFilters().AsNoTracking().Where(t => t.OffboardedAt == null).FirstOrDefaultAsync(predicate, cancellationToken);
        var profile = tenant is null ? null : TenantProfile.From(tenant);
        cache.Set(cacheKey, profile, CacheFor);
        return profile;
    }
}
