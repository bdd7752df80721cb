using Microsoft.EntityFrameworkCore;
using Rose.Storage;

namespace Rose.Platform.Tests.Support;

/// <summary>A module context like Rose's own: it maps the outbox (excluded from its schema) through TenantScopedDbContext.</summary>
public sealed class OrdersDbContext(DbContextOptions<OrdersDbContext> options, ICurrentTenant tenant) : TenantScopedDbContext(options, tenant)
{
    public DbSet<Order> Orders => Set<Order>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Order>(order =>
        {
            order.ToTable("test_orders");
            order.HasKey(o => new { o.TenantId, o.Id });
        });
}
