using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Rose.Storage;

/// <summary>
/// Deletes every row of one tenant from a module's context: each table the context maps (its
/// tenant-owned entities and the outbox it stages events in), dependents before the rows they
/// point to, through the context's own tenant filter. Idempotent: a second run finds nothing.
/// </summary>
public static class TenantRows
{
    private static readonly MethodInfo DeleteMethod =
        typeof(TenantRows).GetMethod(nameof(DeleteOfCurrentTenantAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Deletes the rows of <paramref name="tenantId"/> in every table of <paramref name="db"/>; returns how many.</summary>
    public static async Task<int> DeleteAllAsync(DbContext db, ICurrentTenant currentTenant, string tenantId, CancellationToken cancellationToken)
    {
        TenantIds.EnsureValid(tenantId);
        var deleted = 0;
        using (currentTenant.Use(tenantId))
        {
            foreach (var entityType in InDeletionOrder(db.Model))
            {
                var task = (Task<int>)DeleteMethod.MakeGenericMethod(entityType.ClrType).Invoke(null, [db, tenantId, cancellationToken])!;
                deleted += await task;
            }
        }

        return deleted;
    }

    /// <summary>The tenant-owned root entities with a table, each after every entity whose foreign keys point to it.</summary>
    internal static IReadOnlyList<IEntityType> InDeletionOrder(IModel model)
    {
        var remaining = model.GetEntityTypes()
            .Where(e => !e.IsOwned() && e.BaseType is null && e.GetTableName() is not null && typeof(ITenantOwned).IsAssignableFrom(e.ClrType))
            .ToList();
        var ordered = new List<IEntityType>();
        while (remaining.Count > 0)
        {
            // Next: an entity no other remaining entity refers to (its dependents are gone already).
            var next = remaining.FirstOrDefault(candidate => !remaining.Any(other =>
                other != candidate && other.GetForeignKeys().Any(fk => fk.PrincipalEntityType.GetRootType() == candidate)));
            next ??= remaining[0]; // a cycle: the database's cascades or nullable keys settle it
            ordered.Add(next);
            remaining.Remove(next);
        }

        return ordered;
    }

    private static Task<int> DeleteOfCurrentTenantAsync<TEntity>(DbContext db, string tenantId, CancellationToken cancellationToken)
        where TEntity : class, ITenantOwned =>
        // The query filter already narrows to the current tenant; the explicit condition keeps that true
        // for contexts whose filter differs (the accounts contexts filter by tenant themselves).
        db.Set<TEntity>().Where(e => e.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
}
