using Microsoft.EntityFrameworkCore;
using Rose.Geo.Site.Data;

namespace Rose.Geo.Site.Hostnames;

/// <summary>
/// Which tenant a request's <c>Host</c> belongs to. Like Tenancy's key lookup, this is where the tenant is
/// learnt, so it alone reads hostnames without a current tenant, and it answers only for verified ones.
/// </summary>
internal sealed class HostnameDirectory(GeoSiteDbContext db)
{
    public async Task<string?> FindTenantAsync(string host, CancellationToken cancellationToken)
    {
        var normalized = HostnameNames.Normalize(host);
        return normalized is null
            ? null
            : await db.Hostnames.IgnoreQueryFilters().AsNoTracking()
                .Where(h => h.Host == normalized && h.VerifiedAt != null)
                .Select(h => h.TenantId)
                .FirstOrDefaultAsync(cancellationToken);
    }
}
