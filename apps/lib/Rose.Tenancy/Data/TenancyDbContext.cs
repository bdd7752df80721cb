using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Tenancy.Data;

public abstract class TenancyDbContext(DbContextOptions options, ICurrentTenant currentTenant)
    : TenantScopedDbContext(options, currentTenant)
{
    public const string Module = "tenancy";

    public DbSet<Tenant> Tenants => Set<Tenant>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Tenant>(tenant =>
        {
            tenant.ToTable("tenants");
            tenant.HasKey(t => t.TenantId);
            tenant.Property(t => t.Name).HasMaxLength(200).IsRequired();
            tenant.Property(t => t.PublicKey).HasMaxLength(100).IsRequired();
            tenant.HasIndex(t => t.PublicKey).IsUnique();
            tenant.Property(t => t.ApiKeyHash).HasMaxLength(64).IsRequired();
            tenant.HasIndex(t => t.ApiKeyHash).IsUnique();
            tenant.PrimitiveCollection(t => t.AllowedOrigins);
            tenant.OwnsOne(t => t.Widget, widget =>
            {
                widget.Property(w => w.Name).HasMaxLength(100);
                widget.Property(w => w.Greeting).HasMaxLength(500);
                widget.Property(w => w.PrimaryColor).HasMaxLength(7);
                widget.Property(w => w.TextColor).HasMaxLength(7);
                widget.Property(w => w.Language).HasMaxLength(35);
            });
        });
    }
}
