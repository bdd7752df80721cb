using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rose.Tagging.Data;

namespace Rose.Tagging.Scoring;

/// <summary>The current tenant's scoring settings (the defaults until staff save their own).</summary>
public sealed class ScoringSettingsStore(TaggingDbContext db, TimeProvider clock)
{
    public async Task<ScoringSettings> GetAsync(CancellationToken cancellationToken)
    {
        var row = await db.Scoring.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? ScoringSettings.Default
            : new ScoringSettings(
                new IdealCustomerProfile(row.Industries, row.SizeMin, row.SizeMax, row.Countries),
                JsonSerializer.Deserialize<Dictionary<string, int>>(row.Weights) ?? [],
                row.HotThreshold);
    }

    public async Task SaveAsync(ScoringSettings settings, CancellationToken cancellationToken)
    {
        var row = await db.Scoring.FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            row = new TenantScoring();
            db.Scoring.Add(row);
        }

        row.Industries = [.. settings.Profile.Industries];
        row.SizeMin = settings.Profile.SizeMin;
        row.SizeMax = settings.Profile.SizeMax;
        row.Countries = [.. settings.Profile.Countries.Select(c => c.ToUpperInvariant())];
        row.Weights = JsonSerializer.Serialize(settings.Weights);
        row.HotThreshold = settings.HotThreshold;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }
}
