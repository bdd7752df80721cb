using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rose.Crm.HubSpot.Client;
using Rose.Crm.HubSpot.Data;
using Rose.Storage;

namespace Rose.Crm.HubSpot.Connections;

/// <summary>
/// Connects the current tenant to its HubSpot portal (a private app's token, or OAuth), disconnects it,
/// and hands the sync a working access token (renewing an OAuth one when it expires). Tokens are
/// stored encrypted and never leave this class but as a <see cref="HubSpotAccess"/>.
/// </summary>
public sealed class HubSpotConnections(
    HubSpotDbContext db,
    HubSpotDirectoryDbContext directory,
    HubSpotClient client,
    HubSpotTokenProtector protector,
    IOptions<HubSpotOptions> options,
    ICurrentTenant currentTenant,
    TimeProvider clock,
    ILogger<HubSpotConnections> logger)
{
    /// <summary>How long a consent screen may stay open before its state is refused.</summary>
    public static readonly TimeSpan OAuthStateLifetime = TimeSpan.FromMinutes(15);

    /// <summary>An OAuth token is renewed this long before it expires, so that no call goes out with a dying one.</summary>
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(2);

    private string TenantId => currentTenant.TenantId ?? throw new TenantRequiredException();

    public async Task<HubSpotConnectionState> GetStateAsync(CancellationToken cancellationToken)
    {
        var connection = await db.Connections.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var failures = await db.Failures.CountAsync(cancellationToken);
        return new HubSpotConnectionState(
            connection is not null,
            connection is null ? null : WireName(connection.Kind),
            connection?.PortalId,
            connection?.ConnectedAt,
            connection?.GdprDeleteOnErasure ?? false,
            connection?.LastIncrementalSyncAt,
            failures,
            options.Value.OAuthEnabled);
    }

    /// <summary>Connects with a private app's access token: reads the portal id from HubSpot and creates Rose's contact properties.</summary>
    public async Task<HubSpotConnectOutcome> ConnectPrivateAppAsync(string accessToken, CancellationToken cancellationToken) =>
        await ConnectAsync(HubSpotAuthKind.PrivateApp, accessToken.Trim(), refreshToken: null, expiresIn: null, cancellationToken);

    /// <summary>Where to send the browser for consent; the state names the tenant and a nonce only this tenant holds.</summary>
    public async Task<Uri> BeginOAuthAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.OAuthEnabled)
        {
            throw new InvalidOperationException($"OAuth is not configured: set {HubSpotOptions.SectionName}:ClientId, ClientSecret and RedirectUri.");
        }

        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var now = clock.GetUtcNow();
        var expired = now - OAuthStateLifetime;
        await db.OAuthStates.Where(s => s.CreatedAt < expired).ExecuteDeleteAsync(cancellationToken);
        db.OAuthStates.Add(new HubSpotOAuthState { Nonce = nonce, CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        var query = string.Join('&',
            "client_id=" + Uri.EscapeDataString(settings.ClientId!),
            "redirect_uri=" + Uri.EscapeDataString(settings.RedirectUri!.ToString()),
            "scope=" + Uri.EscapeDataString(settings.Scopes),
            "state=" + Uri.EscapeDataString($"{TenantId}.{nonce}"));
        return new Uri($"{settings.AuthorizeUrl}?{query}");
    }

    /// <summary>
    /// The OAuth callback: the browser comes back without Rose's API key, so the tenant is taken from the
    /// state, and the state must be one this tenant issued less than <see cref="OAuthStateLifetime"/> ago.
    /// </summary>
    public async Task<(HubSpotConnectOutcome Outcome, string? TenantId)> CompleteOAuthAsync(string? state, string? code, CancellationToken cancellationToken)
    {
        var dot = state?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (state is null || code is null || dot <= 0 || !TenantIds.IsValid(state[..dot]) || !options.Value.OAuthEnabled)
        {
            return (HubSpotConnectOutcome.InvalidState, null);
        }

        var tenantId = state[..dot];
        var nonce = state[(dot + 1)..];
        using (currentTenant.Use(tenantId))
        {
            var issued = await db.OAuthStates.FirstOrDefaultAsync(s => s.Nonce == nonce, cancellationToken);
            if (issued is null || issued.CreatedAt < clock.GetUtcNow() - OAuthStateLifetime)
            {
                return (HubSpotConnectOutcome.InvalidState, tenantId);
            }

            // One use only, whatever HubSpot answers next.
            db.OAuthStates.Remove(issued);
            await db.SaveChangesAsync(cancellationToken);
            HubSpotTokenGrant grant;
            try
            {
                grant = await client.RequestTokenAsync(TokenForm("authorization_code", ("code", code), ("redirect_uri", options.Value.RedirectUri!.ToString())), cancellationToken);
            }
            catch (HubSpotApiException e) when (e.StatusCode is System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.Unauthorized)
            {
                return (HubSpotConnectOutcome.TokenRejected, tenantId);
            }
            catch (HubSpotApiException e)
            {
                logger.LogWarning("HubSpot's token endpoint failed for {TenantId}: {Error}", tenantId, e.Message);
                return (HubSpotConnectOutcome.HubSpotUnavailable, tenantId);
            }

            return (await ConnectAsync(HubSpotAuthKind.OAuth, grant.AccessToken, grant.RefreshToken, grant.ExpiresIn, cancellationToken), tenantId);
        }
    }

    /// <summary>Removes the tokens and the portal's link to the tenant; what Rose learned of its leads stays.</summary>
    public async Task<bool> DisconnectAsync(CancellationToken cancellationToken)
    {
        var tenantId = TenantId;
        var removed = await db.Connections.ExecuteDeleteAsync(cancellationToken) > 0;
        await directory.Portals.Where(p => p.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        if (removed)
        {
            logger.LogInformation("HubSpot disconnected for {TenantId}", tenantId);
        }

        return removed;
    }

    public async Task<bool> SetGdprDeleteOnErasureAsync(bool enabled, CancellationToken cancellationToken) =>
        await db.Connections.ExecuteUpdateAsync(s => s.SetProperty(c => c.GdprDeleteOnErasure, enabled), cancellationToken) > 0;

    /// <summary>A usable token for the current tenant, or null when it is not connected (or its token can no longer be decrypted).</summary>
    public async Task<HubSpotAccess?> GetAccessAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var connection = await db.Connections.FirstOrDefaultAsync(cancellationToken);
        if (connection is null)
        {
            return null;
        }

        var tenantId = TenantId;
        if (connection.Kind == HubSpotAuthKind.OAuth
            && (forceRefresh || connection.AccessTokenExpiresAt is null || connection.AccessTokenExpiresAt <= clock.GetUtcNow() + RefreshMargin))
        {
            return await RefreshAsync(connection, cancellationToken);
        }

        var token = protector.Unprotect(tenantId, connection.ProtectedAccessToken);
        if (token is null)
        {
            logger.LogWarning("The HubSpot token of {TenantId} cannot be decrypted (its key is gone): the tenant must connect again", tenantId);
            return null;
        }

        return new HubSpotAccess(tenantId, token);
    }

    private async Task<HubSpotAccess?> RefreshAsync(HubSpotConnection connection, CancellationToken cancellationToken)
    {
        var tenantId = TenantId;
        var refreshToken = connection.ProtectedRefreshToken is null ? null : protector.Unprotect(tenantId, connection.ProtectedRefreshToken);
        if (refreshToken is null || !options.Value.OAuthEnabled)
        {
            logger.LogWarning("The HubSpot OAuth connection of {TenantId} cannot be renewed: the tenant must connect again", tenantId);
            return null;
        }

        var grant = await client.RequestTokenAsync(TokenForm("refresh_token", ("refresh_token", refreshToken)), cancellationToken);
        connection.ProtectedAccessToken = protector.Protect(tenantId, grant.AccessToken);
        connection.ProtectedRefreshToken = protector.Protect(tenantId, grant.RefreshToken);
        connection.AccessTokenExpiresAt = clock.GetUtcNow() + grant.ExpiresIn;
        await db.SaveChangesAsync(cancellationToken);
        return new HubSpotAccess(tenantId, grant.AccessToken);
    }

    private async Task<HubSpotConnectOutcome> ConnectAsync(HubSpotAuthKind kind, string accessToken, string? refreshToken, TimeSpan? expiresIn, CancellationToken cancellationToken)
    {
        var tenantId = TenantId;
        var access = new HubSpotAccess(tenantId, accessToken);
        long portalId;
        try
        {
            portalId = await client.GetPortalIdAsync(access, cancellationToken);
            await client.EnsureRosePropertiesAsync(access, cancellationToken);
        }
        catch (HubSpotApiException e) when (e.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
        {
            return HubSpotConnectOutcome.TokenRejected;
        }
        catch (HubSpotApiException e)
        {
            logger.LogWarning("Connecting HubSpot for {TenantId} failed: {Error}", tenantId, e.Message);
            return HubSpotConnectOutcome.HubSpotUnavailable;
        }

        var owner = await directory.Portals.AsNoTracking().FirstOrDefaultAsync(p => p.PortalId == portalId, cancellationToken);
        if (owner is not null && owner.TenantId != tenantId)
        {
            return HubSpotConnectOutcome.PortalTakenByAnotherTenant;
        }

        await directory.Portals.Where(p => p.TenantId == tenantId && p.PortalId != portalId).ExecuteDeleteAsync(cancellationToken);
        if (owner is null)
        {
            directory.Portals.Add(new HubSpotPortal { PortalId = portalId, TenantId = tenantId });
            await directory.SaveChangesAsync(cancellationToken);
        }

        var now = clock.GetUtcNow();
        var connection = await db.Connections.FirstOrDefaultAsync(cancellationToken);
        if (connection is null)
        {
            connection = new HubSpotConnection();
            db.Connections.Add(connection);
        }

        connection.Kind = kind;
        connection.PortalId = portalId;
        connection.ProtectedAccessToken = protector.Protect(tenantId, accessToken);
        connection.ProtectedRefreshToken = refreshToken is null ? null : protector.Protect(tenantId, refreshToken);
        connection.AccessTokenExpiresAt = expiresIn is null ? null : now + expiresIn;
        connection.ConnectedAt = now;
        connection.LastIncrementalSyncAt ??= now;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("HubSpot portal {PortalId} connected for {TenantId} ({Kind})", portalId, tenantId, kind);
        return HubSpotConnectOutcome.Connected;
    }

    private Dictionary<string, string> TokenForm(string grantType, params (string Key, string Value)[] fields)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["grant_type"] = grantType,
            ["client_id"] = options.Value.ClientId!,
            ["client_secret"] = options.Value.ClientSecret!,
        };
        foreach (var (key, value) in fields)
        {
            form[key] = value;
        }

        return form;
    }

    public static string WireName(HubSpotAuthKind kind) => kind == HubSpotAuthKind.OAuth ? "oauth" : "private-app";
}
