using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rose.Tagging.Data;

namespace Rose.Tagging.Labels;

/// <summary>
/// The current tenant's label set: the default stage, sentiment and spam labels with the tenant's own
/// intent labels once it saved some. Its version is the default's until then, and
/// <c>{default}.r{revision}</c> after: every save changes it, so conversations are tagged again.
/// </summary>
public sealed class LabelSetStore(TaggingDbContext db, TimeProvider clock)
{
    public async Task<LabelSet> GetAsync(CancellationToken cancellationToken)
    {
        var row = await db.LabelSets.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return row is null ? LabelSet.Default : Compose(row);
    }

    /// <summary>Replaces the tenant's intent labels (checked with <see cref="IntentLabelsValidator"/> first) and bumps the version.</summary>
    public async Task<LabelSet> SaveIntentsAsync(IReadOnlyList<IntentLabel> intents, CancellationToken cancellationToken)
    {
        if (IntentLabelsValidator.Validate(intents).Count > 0)
        {
            throw new ArgumentException("The intent labels are not valid; validate them with IntentLabelsValidator first.", nameof(intents));
        }

        var row = await db.LabelSets.FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            row = new TenantLabelSet();
            db.LabelSets.Add(row);
        }

        row.Revision++;
        row.Intents = JsonSerializer.Serialize(intents.Select(l => new IntentLabel(l.Name.Trim(), l.Description.Trim())).ToList());
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return Compose(row);
    }

    private static LabelSet Compose(TenantLabelSet row)
    {
        var intents = JsonSerializer.Deserialize<List<IntentLabel>>(row.Intents) ?? [];
        return new LabelSet(
            $"{LabelSet.Default.Version}.r{row.Revision}",
            [.. intents.Select(l => new LabelDefinition(l.Name, LabelGroup.Intent, l.Description)),
             .. LabelSet.Default.Labels.Where(l => l.Group != LabelGroup.Intent)]);
    }
}
