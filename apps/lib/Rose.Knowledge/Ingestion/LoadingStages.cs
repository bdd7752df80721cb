using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rose.Knowledge.Data;

namespace Rose.Knowledge.Ingestion;

/// <summary>Reads and writes the data one loading step hands the next, under the run's id (see <see cref="LoadingStage"/>).</summary>
internal static class LoadingStages
{
    public const string Parsed = "parsed";
    public const string Chunked = "chunked";
    public const string Embedded = "embedded";

    public static async Task WriteAsync<T>(KnowledgeDbContext db, DocumentRun run, string stage, T value, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(value);
        // A retried activity writes its stage again: replace what an earlier attempt left.
        await db.LoadingStages.Where(s => s.RunId == run.RunId && s.Stage == stage).ExecuteDeleteAsync(cancellationToken);
        db.LoadingStages.Add(new LoadingStage
        {
            TenantId = run.TenantId,
            RunId = run.RunId,
            Stage = stage,
            DocumentId = run.DocumentId,
            Payload = payload,
            CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public static async Task<T> ReadAsync<T>(KnowledgeDbContext db, DocumentRun run, string stage, CancellationToken cancellationToken)
    {
        var payload = await db.LoadingStages.AsNoTracking()
            .Where(s => s.RunId == run.RunId && s.Stage == stage)
            .Select(s => s.Payload)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Loading run {run.RunId} has no '{stage}' stage: the step before it did not complete.");
        return JsonSerializer.Deserialize<T>(payload)
            ?? throw new InvalidOperationException($"Loading run {run.RunId} has an empty '{stage}' stage.");
    }

    /// <summary>Removes the run's stages, and those other runs of the document left behind (a run that crashed for good).</summary>
    public static Task RemoveAsync(KnowledgeDbContext db, DocumentRun run, DateTimeOffset abandonedBefore, CancellationToken cancellationToken) =>
        db.LoadingStages
            .Where(s => s.RunId == run.RunId || (s.DocumentId == run.DocumentId && s.CreatedAt < abandonedBefore))
            .ExecuteDeleteAsync(cancellationToken);
}
