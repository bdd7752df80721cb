using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rose.Knowledge.Data;
using Rose.Knowledge.Ingestion;
using Rose.Storage;

namespace Rose.Knowledge.Faqs;

/// <summary>
/// The current tenant's FAQ entries one by one, as the FAQ editor and <c>/api/v1/knowledge/faqs</c>
/// use them: list them with their answers, read one, save one by its id (create or replace), delete
/// one. Saving goes through <see cref="DocumentIntake.SubmitFaqsAsync"/>, so an entry loads like any
/// document. An entry sent without an id (keyed by its question) is addressed by its document's local
/// id, and is keyed by that id from its first edit on.
/// </summary>
public sealed class FaqEntries(KnowledgeDbContext db, DocumentIntake intake)
{
    /// <summary>A fresh id for a new entry of the editor.</summary>
    public static string NewId() => Guid.CreateVersion7().ToString("N");

    /// <summary>Every FAQ entry of the tenant, newest first.</summary>
    public async Task<IReadOnlyList<FaqView>> ListAsync(CancellationToken cancellationToken) =>
        // Ordered here: SQLite cannot order by DateTimeOffset; a tenant's FAQ is small.
        (await db.Documents.AsNoTracking().Where(d => d.Origin == DocumentOrigin.Faq).ToListAsync(cancellationToken))
            .OrderByDescending(d => d.CreatedAt)
            .Select(From)
            .ToList();

    /// <summary>The entry with this id, or null when the tenant has none.</summary>
    public async Task<FaqView?> FindAsync(string faqId, CancellationToken cancellationToken) =>
        await RowAsync(faqId, cancellationToken) is { } row ? From(row) : null;

    /// <summary>
    /// Creates the entry with this id, or replaces its question, answer and URL; it is queued and
    /// loads in the background. Invalid input throws <see cref="KnowledgeValidationException"/> per field.
    /// </summary>
    public async Task<FaqSaved> SaveAsync(string faqId, FaqEntry entry, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        FaqEntryValidation.Check(entry with { Id = faqId }, string.Empty, errors);
        if (errors.Count > 0)
        {
            throw new KnowledgeValidationException(errors);
        }

        var row = await RowAsync(faqId, cancellationToken);
        if (row is not null && row.SourceKey != FaqKeys.ForId(faqId))
        {
            // Sent once without an id: from now on keyed by the id it is edited under.
            await db.Documents.Where(d => d.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.SourceKey, FaqKeys.ForId(faqId)), cancellationToken);
        }

        var url = string.IsNullOrWhiteSpace(entry.Url) ? null : entry.Url.Trim();
        await intake.SubmitFaqsAsync([entry with { Id = faqId, Url = url }], cancellationToken);
        var saved = await FindAsync(faqId, cancellationToken) ?? throw new InvalidOperationException($"The FAQ entry '{faqId}' was saved but cannot be read back.");
        return new FaqSaved(saved, Created: row is null);
    }

    /// <summary>Removes the entry (its document, chunks and vectors); false when there is none.</summary>
    public async Task<bool> DeleteAsync(string faqId, CancellationToken cancellationToken) =>
        await RowAsync(faqId, cancellationToken) is { } row && await intake.DeleteAsync(row.Id, cancellationToken);

    private async Task<KnowledgeDocument?> RowAsync(string faqId, CancellationToken cancellationToken)
    {
        if (!FaqKeys.IsValidId(faqId))
        {
            return null;
        }

        var key = FaqKeys.ForId(faqId);
        var rows = await db.Documents.AsNoTracking()
            .Where(d => d.Origin == DocumentOrigin.Faq && (d.SourceKey == key || d.Id == faqId))
            .ToListAsync(cancellationToken);
        return rows.FirstOrDefault(d => d.SourceKey == key) ?? rows.FirstOrDefault();
    }

    private static FaqView From(KnowledgeDocument row)
    {
        var entry = row.Payload is { Length: > 0 } payload ? JsonSerializer.Deserialize<FaqEntry>(payload) : null;
        return new FaqView(
            row.SourceKey.StartsWith(FaqKeys.IdPrefix, StringComparison.Ordinal) ? row.SourceKey[FaqKeys.IdPrefix.Length..] : row.Id,
            TenantIds.Compose(row.TenantId, row.Id),
            entry?.Question ?? row.Title,
            entry?.Answer ?? string.Empty,
            row.SourceUrl,
            row.Status,
            row.Error,
            row.CreatedAt,
            row.UpdatedAt);
    }
}
