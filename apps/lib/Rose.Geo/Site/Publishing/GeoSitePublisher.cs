using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rose.Geo.Site.Data;
using Rose.Geo.Site.IndexNow;
using Rose.Geo.Site.Rendering;
using Rose.Storage;
using Rose.Tenancy;

namespace Rose.Geo.Site.Publishing;

/// <summary>
/// <see cref="IGeoSitePublisher"/> over the blob store. Steps, each recorded in <see cref="GeoPublishRecord"/>
/// so that a retry after a crash resumes instead of repeating: (1) render the whole set and fix the changed
/// URLs against the live manifest; (2) write the set into its own version folder, then replace the manifest;
/// delete what the new set no longer has and versions older than the previous one (kept so that a reader
/// that read the old manifest a moment ago still gets its file); (3) ping IndexNow once with the changed URLs.
/// A crash between the ping and its record would ping again on retry: the one window left, and a harmless one
/// (IndexNow takes repeated URLs).
/// </summary>
internal sealed class GeoSitePublisher(
    GeoSiteDbContext db,
    ICurrentTenant currentTenant,
    TenantDirectory tenants,
    GeoSiteAddresses addresses,
    IndexNowKeys keys,
    IndexNowClient indexNow,
    GeoSiteRenderer renderer,
    GeoSiteBlobs blobs,
    TimeProvider clock,
    ILogger<GeoSitePublisher> logger) : IGeoSitePublisher
{
    public async Task<GeoPublishOutcome> PublishAsync(string tenantId, string publishId, IReadOnlyList<GeoPage> pages, CancellationToken cancellationToken = default)
    {
        TenantIds.EnsureValid(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(publishId);
        ArgumentNullException.ThrowIfNull(pages);
        using var scope = currentTenant.Use(tenantId);

        var record = await db.Publishes.FirstOrDefaultAsync(p => p.PublishId == publishId, cancellationToken);
        if (record is { Stage: GeoPublishStage.Pinged })
        {
            return Outcome(record);
        }

        var tenant = await tenants.FindByIdAsync(tenantId, cancellationToken)
            ?? throw new InvalidOperationException($"Tenant {tenantId} does not exist.");
        var key = await keys.GetOrCreateAsync(cancellationToken);
        var site = new GeoSiteContext(
            tenantId,
            tenant.Widget.Name.Trim().Length > 0 ? tenant.Widget.Name : tenant.Name,
            await addresses.BaseUrlForAsync(tenantId, cancellationToken),
            tenant.Widget.Language,
            tenant.Widget.PrimaryColor,
            tenant.Widget.TextColor,
            key);
        var files = renderer.Render(site, pages);
        var version = GeoSiteBlobs.VersionOf(publishId);
        var manifest = new GeoSiteManifest(
            publishId,
            version,
            site.BaseUrl,
            clock.GetUtcNow(),
            files.ToDictionary(f => f.Path, f => new GeoSiteManifestEntry(GeoSiteBlobs.BlobOf(version, f.Path), GeoSiteBlobs.ETagOf(f.Content), f.ContentType), StringComparer.Ordinal));
        var live = await blobs.ReadManifestAsync(tenantId, cancellationToken);

        if (record is null)
        {
            record = new GeoPublishRecord
            {
                PublishId = publishId,
                Stage = GeoPublishStage.Writing,
                ChangedUrls = JsonSerializer.Serialize(ChangedUrls(live, manifest, site)),
                PageCount = pages.Count,
                CreatedAt = clock.GetUtcNow(),
                UpdatedAt = clock.GetUtcNow(),
            };
            db.Publishes.Add(record);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (record.Stage == GeoPublishStage.Writing)
        {
            foreach (var file in files)
            {
                await blobs.WriteAsync(tenantId, manifest.Files[file.Path].Blob, file.Content, cancellationToken);
            }

            // The switch: one blob replaced whole. Before it readers see the old set, after it the new one.
            await blobs.WriteManifestAsync(tenantId, manifest, cancellationToken);
            record.Stage = GeoPublishStage.Switched;
            record.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            await RemoveStaleAsync(tenantId, live?.PublishId == publishId ? null : live, manifest, cancellationToken);
        }

        var changed = JsonSerializer.Deserialize<List<string>>(record.ChangedUrls) ?? [];
        record.IndexNowStatus = await indexNow.PingAsync(new Uri(site.BaseUrl).Host, key, site.UrlOf(GeoSitePaths.KeyFileOf(key)), changed, cancellationToken);
        record.Stage = GeoPublishStage.Pinged;
        record.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Published {Pages} GEO pages of {Tenant} ({PublishId}): {Changed} URLs changed, IndexNow {Status}.",
            pages.Count, tenantId, publishId, changed.Count, record.IndexNowStatus);
        return Outcome(record);
    }

    /// <summary>Added, changed and removed paths that search engines should hear about, as absolute URLs.</summary>
    private static List<string> ChangedUrls(GeoSiteManifest? live, GeoSiteManifest next, GeoSiteContext site)
    {
        var changed = new SortedSet<string>(StringComparer.Ordinal);
        var baseMoved = live is not null && live.BaseUrl != next.BaseUrl;
        foreach (var (path, entry) in next.Files)
        {
            if (live is null || baseMoved || !live.Files.TryGetValue(path, out var old) || old.ETag != entry.ETag)
            {
                changed.Add(path);
            }
        }

        if (live is not null && !baseMoved)
        {
            changed.UnionWith(live.Files.Keys.Where(p => !next.Files.ContainsKey(p)));
        }

        return [.. changed.Where(p => GeoSitePaths.IsAnnounced(p, site.IndexNowKey)).Select(site.UrlOf)];
    }

    private async Task RemoveStaleAsync(string tenantId, GeoSiteManifest? previous, GeoSiteManifest current, CancellationToken cancellationToken)
    {
        var keep = new HashSet<string>(StringComparer.Ordinal);
        keep.UnionWith(current.Files.Values.Select(f => f.Blob));
        if (previous is not null)
        {
            // The previous set stays for readers already on their way to it, minus the paths the new set dropped.
            keep.UnionWith(previous.Files.Where(f => current.Files.ContainsKey(f.Key)).Select(f => f.Value.Blob));
        }

        // Listed names are relative to the tenant and start with the versions prefix.
        foreach (var blob in await blobs.ListVersionsAsync(tenantId, cancellationToken))
        {
            if (!keep.Contains(blob))
            {
                await blobs.DeleteAsync(tenantId, blob, cancellationToken);
            }
        }
    }

    private static GeoPublishOutcome Outcome(GeoPublishRecord record) =>
        new(JsonSerializer.Deserialize<List<string>>(record.ChangedUrls) ?? [], record.IndexNowStatus ?? IndexNowStatuses.Skipped);
}
