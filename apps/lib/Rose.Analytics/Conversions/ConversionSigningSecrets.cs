using Microsoft.EntityFrameworkCore;
using Rose.Analytics.Data;
using Rose.Storage;
using Rose.Storage.Secrets;
using Rose.Tenancy.Keys;

namespace Rose.Analytics.Conversions;

/// <summary>The current tenant's secret for signing server-to-server conversions: created (or replaced) on demand, stored encrypted.</summary>
public sealed class ConversionSigningSecrets(AnalyticsDbContext db, ICurrentTenant currentTenant, TenantSecretProtector protector, TimeProvider clock)
{
    private const string Purpose = "conversion-signing";

    private string TenantId => currentTenant.TenantId ?? throw new TenantRequiredException();

    /// <summary>A new secret, replacing the previous one at once; the only time it is readable.</summary>
    public async Task<string> RotateAsync(CancellationToken cancellationToken)
    {
        var secret = RoseSignature.NewSecret();
        var row = await db.SigningSecrets.SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            row = new ConversionSigningSecret();
            db.SigningSecrets.Add(row);
        }

        row.ProtectedSecret = protector.Protect(TenantId, Purpose, secret);
        row.CreatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }

    public async Task<bool> ExistsAsync(CancellationToken cancellationToken) => await db.SigningSecrets.AnyAsync(cancellationToken);

    /// <summary>The secret in clear, for verifying a signature; null when the tenant has none.</summary>
    public async Task<string?> CurrentAsync(CancellationToken cancellationToken) =>
        await db.SigningSecrets.AsNoTracking().SingleOrDefaultAsync(cancellationToken) is { } row
            ? protector.Unprotect(TenantId, Purpose, row.ProtectedSecret)
            : null;
}
