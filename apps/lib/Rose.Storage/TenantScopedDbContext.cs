using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Rose.Storage.Outbox;

namespace Rose.Storage;

/// <summary>
/// Base of every module's DbContext. Each entity must implement <see cref="ITenantOwned"/> (the
/// model refuses to build otherwise), every query is filtered by the current tenant (and throws
/// when there is none), and saving stamps new rows with the current tenant and refuses rows of
/// another tenant. Forgetting the tenant is therefore impossible rather than unlikely.
/// </summary>
public abstract class TenantScopedDbContext(DbContextOptions options, ICurrentTenant currentTenant) : DbContext(options)
{
    private static readonly MethodInfo ApplyFilterMethod =
        typeof(TenantScopedDbContext).GetMethod(nameof(ApplyTenantFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;

    /// <summary>Read by the query filter on every query; EF re-evaluates it per context instance.</summary>
    protected string CurrentTenantId => currentTenant.TenantId ?? throw new TenantRequiredException();

    /// <summary>Configure the module's entities here; the tenant rules are applied afterwards.</summary>
    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    /// <summary>Only <see cref="OutboxDbContext"/> creates the outbox table; every other context maps it to stage events.</summary>
    private protected virtual bool OwnsOutboxTable => false;

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureModel(modelBuilder);
        // Every module can stage integration events in its own transaction (the transactional outbox).
        OutboxModel.Configure(modelBuilder, OwnsOutboxTable);
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(e => !e.IsOwned()).ToList())
        {
            var clrType = entityType.ClrType;
            if (!typeof(ITenantOwned).IsAssignableFrom(clrType))
            {
                throw new InvalidOperationException(
                    $"{clrType.Name} does not implement {nameof(ITenantOwned)}: every stored entity belongs to one tenant.");
            }

            modelBuilder.Entity(clrType).Property(nameof(ITenantOwned.TenantId)).HasMaxLength(TenantIds.MaxLength).IsRequired();
            ApplyFilterMethod.MakeGenericMethod(clrType).Invoke(this, [modelBuilder]);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        EnforceTenantOnWrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        EnforceTenantOnWrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void ApplyTenantFilter<TEntity>(ModelBuilder modelBuilder) where TEntity : class, ITenantOwned =>
        modelBuilder.Entity<TEntity>().HasQueryFilter(e => e.TenantId == CurrentTenantId);

    private void EnforceTenantOnWrites()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var tenantId = CurrentTenantId;
            if (entry.State == EntityState.Added && string.IsNullOrEmpty(entry.Entity.TenantId))
            {
                entry.Entity.TenantId = tenantId;
                continue;
            }

            var rowTenant = OriginalTenant(entry);
            if (!string.Equals(rowTenant, tenantId, StringComparison.Ordinal)
                || !string.Equals(entry.Entity.TenantId, tenantId, StringComparison.Ordinal))
            {
                throw new CrossTenantWriteException(entry.Metadata.ClrType.Name, rowTenant, tenantId);
            }
        }
    }

    private static string OriginalTenant(EntityEntry<ITenantOwned> entry) =>
        entry.State == EntityState.Added
            ? entry.Entity.TenantId
            : entry.Property(e => e.TenantId).OriginalValue;
}
