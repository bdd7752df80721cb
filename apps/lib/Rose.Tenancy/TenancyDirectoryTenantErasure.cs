using Rose.Platform.Erasure;

namespace Rose.Tenancy;

/// <summary>
/// This process's cached lookups of the tenant (<see cref="TenantDirectory"/>), in every app and before
/// any data goes: from then on every app reads the tenant as off-boarded and refuses its keys, so no
/// request writes new rows behind the erasers. Without it another process would accept the keys for
/// up to <see cref="TenantDirectory.CacheFor"/> after the DELETE.
/// </summary>
internal sealed class TenancyDirectoryTenantErasure(TenantDirectory directory) : ITenantDataEraser
{
    public string Name => "tenant-directory";

    public bool RunsInEveryApp => true;

    public Task EraseAsync(string tenantId, CancellationToken cancellationToken)
    {
        directory.Invalidate();
        return Task.CompletedTask;
    }
}
