using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rose.Geo.Data;
using Rose.Storage;

namespace Rose.Geo.Settings;

/// <summary>
/// Reads and writes the current tenant's GEO settings (one <see cref="GeoTenantSettings"/> row, none while
/// the tenant keeps the defaults of <see cref="GeoOptions"/>). The cluster step of every run reads the same row.
/// </summary>
public sealed class GeoTenantSettingsStore(GeoDbContext db, ICurrentTenant currentTenant, IOptions<GeoOptions> options)
{
    public const int MaxMinConversations = 1000;

    /// <summary>The settings in force: the tenant's own, else the installation's defaults.</summary>
    public async Task<GeoSettingsView> GetAsync(CancellationToken cancellationToken)
    {
        var row = await db.Settings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return new GeoSettingsView(row is { MinConversations: > 0 } ? row.MinConversations : options.Value.MinConversations);
    }

    /// <summary>Validates and stores the settings; a null value goes back to the default.</summary>
    /// <exception cref="GeoSettingsValidationException">A value out of range.</exception>
    public async Task<GeoSettingsView> SetAsync(GeoSettingsView settings, CancellationToken cancellationToken)
    {
        if (settings.MinConversations is < 1 or > MaxMinConversations)
        {
            throw new GeoSettingsValidationException("minConversations", $"Give a whole number from 1 to {MaxMinConversations}, or null for the default ({options.Value.MinConversations}).");
        }

        var tenantId = currentTenant.TenantId ?? throw new TenantRequiredException();
        var row = await db.Settings.SingleOrDefaultAsync(cancellationToken);
        if (settings.MinConversations is null)
        {
            if (row is not null)
            {
                db.Settings.Remove(row);
            }
        }
        else if (row is null)
        {
            db.Settings.Add(new GeoTenantSettings { TenantId = tenantId, MinConversations = settings.MinConversations.Value });
        }
        else
        {
            row.MinConversations = settings.MinConversations.Value;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(cancellationToken);
    }
}
