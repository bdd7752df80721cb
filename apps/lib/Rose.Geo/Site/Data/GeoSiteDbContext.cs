using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Geo.Site.Data;

/// <summary>The GEO site's records: custom hostnames, IndexNow keys and publishes (module <c>geo-site</c>).</summary>
public abstract class GeoSiteDbContext(DbContextOptions options, ICurrentTenant currentTenant)
    : TenantScopedDbContext(options, currentTenant)
{
    public const string Module = "geo-site";

    public DbSet<GeoHostname> Hostnames => Set<GeoHostname>();

    public DbSet<GeoIndexNowKey> IndexNowKeys => Set<GeoIndexNowKey>();

    public DbSet<GeoPublishRecord> Publishes => Set<GeoPublishRecord>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<GeoHostname>(hostname =>
        {
            hostname.ToTable("geo_site_hostnames");
            hostname.HasKey(h => new { h.TenantId, h.Host });
            hostname.Property(h => h.Host).HasMaxLength(253);
            // A hostname belongs to one tenant in the whole installation: the Host header picks the site.
            hostname.HasIndex(h => h.Host).IsUnique();
            hostname.Property(h => h.Token).HasMaxLength(80);
            hostname.Property(h => h.VerifiedBy).HasMaxLength(8);
            hostname.Property(h => h.LastError).HasMaxLength(500);
            hostname.Property(h => h.CreatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });
        modelBuilder.Entity<GeoIndexNowKey>(key =>
        {
            key.ToTable("geo_site_indexnow_keys");
            key.HasKey(k => k.TenantId);
            key.Property(k => k.Key).HasMaxLength(128);
            key.Property(k => k.CreatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });
        modelBuilder.Entity<GeoPublishRecord>(publish =>
        {
            publish.ToTable("geo_site_publishes");
            publish.HasKey(p => new { p.TenantId, p.PublishId });
            publish.Property(p => p.PublishId).HasMaxLength(200);
            publish.Property(p => p.Stage).HasConversion(
                v => v == GeoPublishStage.Writing ? "writing" : v == GeoPublishStage.Switched ? "switched" : "pinged",
                v => v == "writing" ? GeoPublishStage.Writing : v == "switched" ? GeoPublishStage.Switched : GeoPublishStage.Pinged).HasMaxLength(16);
            publish.Property(p => p.IndexNowStatus).HasMaxLength(16);
            publish.Property(p => p.CreatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            publish.Property(p => p.UpdatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });
    }
}
