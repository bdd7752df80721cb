namespace Rose.Platform.Erasure;

/// <summary>
/// Removes everything one store of a module holds for a tenant (rows, chunks, vectors, graph nodes,
/// state keys, blobs), for tenant off-boarding. Each module registers its own with
/// <see cref="TenantErasureServiceCollectionExtensions.AddTenantDataEraser{TEraser}"/> in its <c>AddX</c>.
/// Must be idempotent: an off-boarding that restarts runs it again, and a second run finds nothing.
/// </summary>
public interface ITenantDataEraser
{
    /// <summary>Kebab-case and unique across the apps (<c>knowledge</c>, <c>chat</c>): names the step of the off-boarding.</summary>
    string Name { get; }

    /// <summary>True for the one eraser that removes the tenant itself: it runs after every other.</summary>
    bool ErasesTheTenant => false;

    /// <summary>
    /// True for an eraser of what each process keeps for itself (caches): it runs first, once in every
    /// app, rather than once in the app that holds it first.
    /// </summary>
    bool RunsInEveryApp => false;

    Task EraseAsync(string tenantId, CancellationToken cancellationToken);
}
