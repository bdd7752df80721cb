using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rose.Knowledge.Data;
using Rose.Knowledge.Retrieval;
using Rose.Storage;

namespace Rose.Benchmarks;

/// <summary>
/// Grows a tenant's knowledge base to a chunk target with variations of what ingestion produced:
/// each edition copies every document and chunk under new ids, titles and URLs, with its text
/// marked and its vector moved by a little seeded noise (then normalised). Retrieval then does the
/// work of a real base of that size (every vector scanned, every posting indexed) without hours
/// of embedding on a CPU; the answers still come from the corpus's own text.
/// </summary>
internal static class SyntheticEditions
{
    private const float Noise = 0.02f;

    /// <returns>The tenant's chunk count afterwards.</returns>
    public static async Task<int> GrowAsync(IServiceProvider services, string tenantId, int chunkTarget)
    {
        await using var scope = services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
        var originals = await db.Documents.AsNoTracking().Where(d => !d.Id.Contains("-ed")).ToListAsync();
        var chunks = await db.Chunks.AsNoTracking().Where(c => !c.DocumentId.Contains("-ed")).ToListAsync();
        var count = await db.Chunks.CountAsync();
        var random = new Random(42);
        for (var edition = (count / Math.Max(1, chunks.Count)); count < chunkTarget; edition++)
        {
            foreach (var document in originals)
            {
                var id = $"{document.Id}-ed{edition}";
                db.Documents.Add(new KnowledgeDocument
                {
                    Id = id,
                    SourceKey = $"{document.SourceKey}#edition-{edition}",
                    Title = $"{document.Title} (edition {edition})",
                    TitleIsExplicit = true,
                    SourceUrl = $"{document.SourceUrl}?edition={edition}",
                    ContentType = document.ContentType,
                    Origin = document.Origin,
                    Status = document.Status,
                    ContentHash = document.ContentHash,
                    ChunkCount = document.ChunkCount,
                    CreatedAt = document.CreatedAt,
                    UpdatedAt = document.UpdatedAt,
                });
            }

            foreach (var chunk in chunks)
            {
                db.Chunks.Add(new KnowledgeChunk
                {
                    Id = $"{chunk.Id}-ed{edition}",
                    DocumentId = $"{chunk.DocumentId}-ed{edition}",
                    Ordinal = chunk.Ordinal,
                    Text = $"Edition {edition}. {chunk.Text}",
                    HeadingPath = chunk.HeadingPath,
                    Title = $"{chunk.Title} (edition {edition})",
                    SourceUrl = chunk.SourceUrl is null ? null : $"{chunk.SourceUrl}?edition={edition}",
                    Page = chunk.Page,
                    TokenCount = chunk.TokenCount,
                    EmbeddingModel = chunk.EmbeddingModel,
                    EmbeddingDimensions = chunk.EmbeddingDimensions,
                    Embedding = Perturb(chunk.Embedding, random),
                });
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            count += chunks.Count;
        }

        var cache = services.GetRequiredService<KnowledgeIndexCache>();
        await cache.RefreshAsync(tenantId, CancellationToken.None);
        await cache.WarmAsync(tenantId, CancellationToken.None);
        return count;
    }

    private static byte[] Perturb(byte[] embedding, Random random)
    {
        var vector = MemoryMarshal.Cast<byte, float>(embedding).ToArray();
        var norm = 0f;
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] += Noise * (float)((random.NextDouble() * 2) - 1);
            norm += vector[i] * vector[i];
        }

        norm = MathF.Sqrt(norm);
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] /= norm;
        }

        return MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();
    }
}
