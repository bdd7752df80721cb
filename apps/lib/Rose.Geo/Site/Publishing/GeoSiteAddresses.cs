using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rose.Geo.Site.Data;

namespace Rose.Geo.Site.Publishing;

/// <summary>
/// The base URL a tenant's pages are canonical under: its first verified custom hostname
/// (<c>https://{host}</c>), else <c>Rose:Geo:PublicBaseUrl/geo/{tenant}</c>.
/// </summary>
internal sealed class GeoSiteAddresses(GeoSiteDbContext db, IOptions<GeoSiteOptions> options)
{
    /// <summary>Reads the current tenant's hostnames: call inside the tenant's scope.</summary>
    public async Task<string> BaseUrlForAsync(string tenantId, CancellationToken cancellationToken)
    {
        var verified = await db.Hostnames.AsNoTracking()
            .Where(h => h.VerifiedAt != null)
            .OrderBy(h => h.CreatedAt).ThenBy(h => h.Host)
            .Select(h => h.Host)
            .FirstOrDefaultAsync(cancellationToken);
        return verified is not null ? "https://" + verified : PathBaseUrl(options.Value, tenantId);
    }

    public static string PathBaseUrl(GeoSiteOptions options, string tenantId) => options.PublicBaseUrl.TrimEnd('/') + "/geo/" + tenantId;
}
