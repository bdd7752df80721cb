using Microsoft.EntityFrameworkCore;

namespace Rose.Storage.Tests;

/// <summary>A context whose entity forgot the tenant: its model must refuse to build.</summary>
public sealed class UnownedDbContext(DbContextOptions<UnownedDbContext> options, ICurrentTenant tenant) : TenantScopedDbContext(options, tenant)
{
    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<UnownedRow>().HasKey(r => r.Id);
}

public sealed class UnownedRow
{
    public int Id { get; set; }
}
