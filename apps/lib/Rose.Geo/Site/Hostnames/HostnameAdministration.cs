using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rose.Geo.Site.Data;
using Rose.Storage;

namespace Rose.Geo.Site.Hostnames;

/// <summary>
/// A tenant's custom hostnames: added with a fresh token, verified on request and rechecked by
/// <see cref="HostnameRecheckJob"/>. Every method acts for the tenant given, inside its scope.
/// </summary>
internal sealed class HostnameAdministration(
    GeoSiteDbContext db,
    ICurrentTenant currentTenant,
    HostnameVerifier verifier,
    IOptions<GeoSiteOptions> options,
    TimeProvider clock,
    ILogger<HostnameAdministration> logger)
{
    public async Task<IReadOnlyList<HostnameView>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        using var scope = currentTenant.Use(tenantId);
        var hostnames = await db.Hostnames.AsNoTracking().OrderBy(h => h.Host).ToListAsync(cancellationToken);
        return [.. hostnames.Select(View)];
    }

    public async Task<(AddHostnameOutcome Outcome, HostnameView? Hostname)> AddAsync(string tenantId, string host, CancellationToken cancellationToken)
    {
        using var scope = currentTenant.Use(tenantId);
        var existing = await db.Hostnames.AsNoTracking().FirstOrDefaultAsync(h => h.Host == host, cancellationToken);
        if (existing is not null)
        {
            return (AddHostnameOutcome.Existing, View(existing));
        }

        // The one read across tenants here: a hostname can belong to one tenant only.
        if (await db.Hostnames.IgnoreQueryFilters().AnyAsync(h => h.Host == host, cancellationToken))
        {
            return (AddHostnameOutcome.Taken, null);
        }

        var hostname = new GeoHostname
        {
            Host = host,
            Token = "rose-verify-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Hostnames.Add(hostname);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another tenant added it at the same moment: the unique index decided.
            return (AddHostnameOutcome.Taken, null);
        }

        return (AddHostnameOutcome.Created, View(hostname));
    }

    /// <summary>Checks now; null when the tenant has no such hostname.</summary>
    public async Task<HostnameView?> VerifyAsync(string tenantId, string host, CancellationToken cancellationToken)
    {
        using var scope = currentTenant.Use(tenantId);
        var hostname = await db.Hostnames.FirstOrDefaultAsync(h => h.Host == host, cancellationToken);
        if (hostname is null)
        {
            return null;
        }

        await CheckAsync(hostname, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return View(hostname);
    }

    public async Task<bool> DeleteAsync(string tenantId, string host, CancellationToken cancellationToken)
    {
        using var scope = currentTenant.Use(tenantId);
        return await db.Hostnames.Where(h => h.Host == host).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>Rechecks every hostname of the tenant: pending ones may become verified, verified ones are withdrawn after repeated failures.</summary>
    public async Task RecheckAsync(string tenantId, CancellationToken cancellationToken)
    {
        using var scope = currentTenant.Use(tenantId);
        foreach (var hostname in await db.Hostnames.ToListAsync(cancellationToken))
        {
            await CheckAsync(hostname, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task CheckAsync(GeoHostname hostname, CancellationToken cancellationToken)
    {
        var check = await verifier.CheckAsync(hostname.Host, hostname.Token, cancellationToken);
        var now = clock.GetUtcNow();
        hostname.LastCheckedAt = now;
        if (check.Verified)
        {
            hostname.VerifiedAt ??= now;
            hostname.VerifiedBy = check.Method;
            hostname.ConsecutiveFailures = 0;
            hostname.LastError = null;
            return;
        }

        hostname.ConsecutiveFailures++;
        hostname.LastError = check.Error is { Length: > 500 } error ? error[..500] : check.Error;
        if (hostname.VerifiedAt is not null && hostname.ConsecutiveFailures >= options.Value.Hostnames.FailuresBeforeWithdrawal)
        {
            logger.LogWarning("Hostname {Host} of {Tenant} failed {Failures} checks in a row and is no longer served: {Error}",
                hostname.Host, hostname.TenantId, hostname.ConsecutiveFailures, hostname.LastError);
            hostname.VerifiedAt = null;
            hostname.VerifiedBy = null;
        }
    }

    private HostnameView View(GeoHostname hostname) => new(
        hostname.Host,
        hostname.VerifiedAt is null ? "pending" : "verified",
        hostname.Token,
        HostnameNames.ChallengeRecordOf(hostname.Host),
        options.Value.Hostnames.HttpChallengeUrl.Replace("{host}", hostname.Host, StringComparison.Ordinal),
        hostname.CreatedAt,
        hostname.VerifiedAt,
        hostname.VerifiedBy,
        hostname.LastCheckedAt,
        hostname.LastError);
}
