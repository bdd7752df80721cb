using Rose.Platform.Embedded;

namespace Rose.Platform.Erasure;

/// <summary>
/// On the embedded runtime, the tenant's rows in <c>platform.db</c>: every state key (the stored key
/// starts with the tenant, and each row carries it), pending deliveries and dead letters. The workflow
/// journal is left to the workflow-purge job: the off-boarding instance itself is one of its rows.
/// </summary>
internal sealed class EmbeddedRuntimeTenantErasure(PlatformDatabase database) : ITenantDataEraser
{
    public string Name => "embedded-runtime";

    public async Task EraseAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM state WHERE tenant_id = $tenant", cancellationToken, ("$tenant", tenantId));
        await connection.ExecuteAsync("DELETE FROM outbox WHERE tenant_id = $tenant", cancellationToken, ("$tenant", tenantId));
        await connection.ExecuteAsync("DELETE FROM dead_letters WHERE tenant_id = $tenant", cancellationToken, ("$tenant", tenantId));
    }
}
