using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Analytics.Data;

public abstract class AnalyticsDbContext(DbContextOptions options, ICurrentTenant currentTenant)
    : TenantScopedDbContext(options, currentTenant)
{
    public const string Module = "analytics";

    public DbSet<WidgetEvent> Events => Set<WidgetEvent>();

    public DbSet<Conversion> Conversions => Set<Conversion>();

    public DbSet<ConversionSigningSecret> SigningSecrets => Set<ConversionSigningSecret>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WidgetEvent>(e =>
        {
            e.ToTable("analytics_widget_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.Type).HasMaxLength(32);
            e.Property(x => x.ConversationId).HasMaxLength(40);
            e.Property(x => x.Data).HasMaxLength(2048);
            // Ticks, so both providers can filter and group by time in SQL.
            e.Property(x => x.OccurredAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            e.HasIndex(x => new { x.TenantId, x.OccurredAt });
            e.HasIndex(x => new { x.TenantId, x.ConversationId });
        });
        modelBuilder.Entity<Conversion>(c =>
        {
            c.ToTable("analytics_conversions");
            c.HasKey(x => new { x.TenantId, x.Id });
            c.Property(x => x.Id).HasMaxLength(40);
            c.Property(x => x.ExternalId).HasMaxLength(200);
            c.Property(x => x.Type).HasMaxLength(32);
            c.Property(x => x.VisitorId).HasMaxLength(64);
            c.Property(x => x.ConversationId).HasMaxLength(40);
            c.Property(x => x.SkillId).HasMaxLength(64);
            c.Property(x => x.Value).HasPrecision(18, 2);
            c.Property(x => x.OccurredAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            // The idempotency key: a retried call finds the first one instead of counting twice.
            c.HasIndex(x => new { x.TenantId, x.ExternalId }).IsUnique();
            c.HasIndex(x => new { x.TenantId, x.OccurredAt });
        });
        modelBuilder.Entity<ConversionSigningSecret>(s =>
        {
            s.ToTable("analytics_signing_secrets");
            s.HasKey(x => x.TenantId);
            s.Property(x => x.ProtectedSecret).HasMaxLength(2000);
        });
    }
}
