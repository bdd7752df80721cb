using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Llm.Accounting.Data;

/// <summary>The LLM module's tables; the SQLite and PostgreSQL subclasses carry their own migrations.</summary>
public abstract class LlmDbContext(DbContextOptions options, ICurrentTenant currentTenant)
    : TenantScopedDbContext(options, currentTenant)
{
    public const string Module = "llm";

    public DbSet<LlmUsageRecord> Usage => Set<LlmUsageRecord>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LlmUsageRecord>(usage =>
        {
            usage.ToTable("llm_usage");
            usage.HasKey(u => new { u.TenantId, u.Id });
            usage.Property(u => u.Id).ValueGeneratedNever();
            usage.Property(u => u.Purpose).HasMaxLength(40).IsRequired();
            usage.Property(u => u.Provider).HasMaxLength(100).IsRequired();
            usage.Property(u => u.Model).HasMaxLength(200).IsRequired();
            usage.HasIndex(u => new { u.TenantId, u.Month });
        });
    }
}
