using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Rose.Geo.Site.Data;

namespace Rose.Geo.Site.IndexNow;

/// <summary>One IndexNow key per tenant, made on its first publish and kept (search engines remember it).</summary>
internal sealed class IndexNowKeys(GeoSiteDbContext db, TimeProvider clock)
{
    /// <summary>The current tenant's key: call inside the tenant's scope.</summary>
    public async Task<string> GetOrCreateAsync(CancellationToken cancellationToken)
    {
        var existing = await db.IndexNowKeys.AsNoTracking().Select(k => k.Key).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        // IndexNow keys are 8 to 128 characters of a-z, A-Z, 0-9 and '-'; 32 hex digits of randomness.
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        db.IndexNowKeys.Add(new GeoIndexNowKey { Key = key, CreatedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return key;
        }
        catch (DbUpdateException)
        {
            // Another publish of the same tenant made one first: use that one.
            db.ChangeTracker.Clear();
            return await db.IndexNowKeys.AsNoTracking().Select(k => k.Key).FirstAsync(cancellationToken);
        }
    }
}
