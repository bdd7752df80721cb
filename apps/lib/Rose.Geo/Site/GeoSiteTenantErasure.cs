using Rose.Geo.Site.Data;
using Rose.Platform.Bindings;
using Rose.Platform.Erasure;
using Rose.Storage;

namespace Rose.Geo.Site;

/// <summary>
/// The tenant's published site: every blob under its folder in the blob binding (pages, sitemap,
/// llms.txt, manifests; GEO is the one module that writes blobs), then its site rows and custom hostnames.
/// </summary>
internal sealed class GeoSiteTenantErasure(GeoSiteDbContext db, ICurrentTenant currentTenant, IBlobStore blobs) : ITenantDataEraser
{
    public string Name => "geo-site";

    public async Task EraseAsync(string tenantId, CancellationToken cancellationToken)
    {
        foreach (var path in await blobs.ListAsync(tenantId, cancellationToken: cancellationToken))
        {
            await blobs.DeleteAsync(tenantId, path, cancellationToken);
        }

        await TenantRows.DeleteAllAsync(db, currentTenant, tenantId, cancellationToken);
    }
}
