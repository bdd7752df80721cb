using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rose.Crm.Linear.Client;
using Rose.Crm.Linear.Data;
using Rose.Storage;
using Rose.Storage.Secrets;

namespace Rose.Crm.Linear.Connections;

/// <summary>
/// Connects the current tenant to one Linear team with a personal API key (checked against Linear
/// first), disconnects it, and hands the ticket maker the decrypted key. The key is stored encrypted
/// with the tenant's secret protector and never leaves this class but as a <see cref="LinearAccess"/>.
/// </summary>
public sealed class LinearConnections(
    LinearDbContext db,
    LinearClient client,
    TenantSecretProtector protector,
    ICurrentTenant currentTenant,
    TimeProvider clock,
    ILogger<LinearConnections> logger)
{
    /// <summary>The purpose the API key is protected under (with the tenant id).</summary>
    public const string SecretPurpose = "crm.linear.api-key";

    private string TenantId => currentTenant.TenantId ?? throw new TenantRequiredException();

    public async Task<LinearConnectionState> GetStateAsync(CancellationToken cancellationToken)
    {
        var connection = await db.Connections.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return connection is null
            ? new LinearConnectionState(false, null, null, null, null)
            : new LinearConnectionState(true, connection.TeamId, connection.TeamKey, connection.TeamName, connection.ConnectedAt);
    }

    /// <summary>
    /// Checks <paramref name="apiKey"/> and <paramref name="teamId"/> with one GraphQL query and stores them;
    /// a <see cref="LinearApiException"/> says why not (and nothing is stored then).
    /// </summary>
    public async Task<LinearConnectionState> ConnectAsync(string apiKey, string teamId, CancellationToken cancellationToken)
    {
        var tenantId = TenantId;
        var key = apiKey.Trim();
        var team = await client.GetTeamAsync(key, teamId.Trim(), cancellationToken);
        var connection = await db.Connections.FirstOrDefaultAsync(cancellationToken);
        if (connection is null)
        {
            connection = new LinearConnection();
            db.Connections.Add(connection);
        }

        connection.TeamId = team.Id;
        connection.TeamKey = team.Key;
        connection.TeamName = team.Name;
        connection.ProtectedApiKey = protector.Protect(tenantId, SecretPurpose, key);
        connection.ConnectedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Linear team {TeamKey} connected for {TenantId}", team.Key, tenantId);
        return await GetStateAsync(cancellationToken);
    }

    /// <summary>Removes the key; the tickets already made stay linked to their conversations (they exist in Linear).</summary>
    public async Task<bool> DisconnectAsync(CancellationToken cancellationToken)
    {
        var removed = await db.Connections.ExecuteDeleteAsync(cancellationToken) > 0;
        if (removed)
        {
            logger.LogInformation("Linear disconnected for {TenantId}", TenantId);
        }

        return removed;
    }

    /// <summary>The current tenant's key and team, or null when it is not connected (or its key can no longer be decrypted).</summary>
    public async Task<LinearAccess?> GetAccessAsync(CancellationToken cancellationToken)
    {
        var connection = await db.Connections.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (connection is null)
        {
            return null;
        }

        var key = protector.Unprotect(TenantId, SecretPurpose, connection.ProtectedApiKey);
        if (key is null)
        {
            logger.LogWarning("The Linear API key of {TenantId} cannot be decrypted (its key ring entry is gone): the tenant must connect again", TenantId);
            return null;
        }

        return new LinearAccess(key, connection.TeamId);
    }
}
