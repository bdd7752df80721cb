using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rose.Storage;

namespace Rose.Geo.Data;

public abstract class GeoDbContext(DbContextOptions options, ICurrentTenant currentTenant)
    : TenantScopedDbContext(options, currentTenant)
{
    public const string Module = "geo";

    public DbSet<GeoRun> Runs => Set<GeoRun>();

    public DbSet<GeoRunQuestion> Questions => Set<GeoRunQuestion>();

    public DbSet<GeoDraft> Drafts => Set<GeoDraft>();

    public DbSet<GeoPageRecord> Pages => Set<GeoPageRecord>();

    public DbSet<GeoTenantSettings> Settings => Set<GeoTenantSettings>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<GeoRun>(run =>
        {
            run.ToTable("geo_runs");
            run.HasKey(r => new { r.TenantId, r.RunId });
            run.Property(r => r.RunId).HasMaxLength(64);
            run.Property(r => r.Trigger).HasMaxLength(32);
            run.Property(r => r.Status).HasMaxLength(32);
            run.Property(r => r.ChangedDocumentId).HasMaxLength(200);
            run.Property(r => r.IndexNowStatus).HasMaxLength(32);
            run.Property(r => r.Failure).HasMaxLength(2000);
            // UTC ticks, so that both providers order and compare them in SQL.
            Ticks(run.Property(r => r.PeriodFrom));
            Ticks(run.Property(r => r.PeriodTo));
            Ticks(run.Property(r => r.StartedAt));
            Ticks(run.Property(r => r.UpdatedAt));
            run.HasIndex(r => new { r.TenantId, r.StartedAt });
        });
        modelBuilder.Entity<GeoRunQuestion>(question =>
        {
            question.ToTable("geo_run_questions");
            question.HasKey(q => new { q.TenantId, q.RunId, q.Position });
            question.Property(q => q.RunId).HasMaxLength(64);
            question.Property(q => q.ConversationId).HasMaxLength(40);
            question.Property(q => q.Text).HasMaxLength(2000);
            question.Property(q => q.PageId).HasMaxLength(40);
        });
        modelBuilder.Entity<GeoDraft>(draft =>
        {
            draft.ToTable("geo_drafts");
            draft.HasKey(d => new { d.TenantId, d.RunId, d.PageId });
            draft.Property(d => d.RunId).HasMaxLength(64);
            draft.Property(d => d.PageId).HasMaxLength(40);
            draft.Property(d => d.Slug).HasMaxLength(120);
            draft.Property(d => d.Question).HasMaxLength(2000);
            draft.Property(d => d.State).HasMaxLength(32);
            draft.Property(d => d.Topic).HasMaxLength(200);
            draft.PrimitiveCollection(d => d.SourceQuestions);
            draft.OwnsMany(d => d.Citations, citation => citation.ToJson());
        });
        modelBuilder.Entity<GeoPageRecord>(page =>
        {
            page.ToTable("geo_pages");
            page.HasKey(p => new { p.TenantId, p.PageId });
            page.Property(p => p.PageId).HasMaxLength(40);
            page.Property(p => p.Slug).HasMaxLength(120);
            page.Property(p => p.Question).HasMaxLength(2000);
            page.Property(p => p.State).HasMaxLength(32);
            page.Property(p => p.Topic).HasMaxLength(200);
            page.Property(p => p.LastRunId).HasMaxLength(64);
            page.Property(p => p.IndexNowStatus).HasMaxLength(32);
            page.OwnsMany(p => p.Citations, citation => citation.ToJson());
            Ticks(page.Property(p => p.CreatedAt));
            Ticks(page.Property(p => p.UpdatedAt));
            page.HasIndex(p => new { p.TenantId, p.Slug }).IsUnique();
        });
        modelBuilder.Entity<GeoTenantSettings>(settings =>
        {
            settings.ToTable("geo_settings");
            settings.HasKey(s => s.TenantId);
        });
    }

    private static void Ticks(PropertyBuilder<DateTimeOffset> property) =>
        property.HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}
