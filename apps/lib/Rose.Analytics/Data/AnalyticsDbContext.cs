using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Analytics.Data;

public abstract class AnalyticsDbContext(DbContextOptions options, ICurrentTenant currentTenant)
    : TenantScopedDbContext(options, currentTenant)
{
    public const string Module = "analytics";

    public DbSet<WidgetEvent> Events => Set<WidgetEvent>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
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
        });
}
