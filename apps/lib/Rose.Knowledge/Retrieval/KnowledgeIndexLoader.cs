using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rose.Knowledge.Data;
using Rose.Knowledge.Graph;
using Rose.Llm.Embeddings;
using Rose.Storage;

namespace Rose.Knowledge.Retrieval;

/// <summary>Reads one tenant's chunks, vectors and graph from storage into a fresh snapshot.</summary>
public sealed class KnowledgeIndexLoader(IServiceScopeFactory scopes, ITextEmbedder embedder, IOptions<RetrievalOptions> options)
{
    public async Task<TenantKnowledgeIndex> LoadAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
        var rows = await db.Chunks.AsNoTracking()
            .OrderBy(c => c.DocumentId).ThenBy(c => c.Ordinal)
            .ToListAsync(cancellationToken);

        var dimensions = embedder.Dimensions;
        var chunks = new List<IndexedChunk>(rows.Count);
        var vectors = new float[rows.Count * dimensions];
        var ordinals = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            // Vectors of another model live in another space: such a chunk stays keyword-searchable
            // (zero vector) until its document is re-embedded.
            if (row.EmbeddingModel == embedder.Model && row.EmbeddingDimensions == dimensions)
            {
                MemoryMarshal.Cast<byte, float>(row.Embedding).CopyTo(vectors.AsSpan(chunks.Count * dimensions, dimensions));
            }

            ordinals[row.Id] = chunks.Count;
            chunks.Add(new IndexedChunk(
                TenantIds.Compose(tenantId, row.DocumentId),
                TenantIds.Compose(tenantId, row.Id),
                row.Text,
                row.HeadingPath.Length == 0 ? [] : row.HeadingPath.Split(KnowledgeChunk.HeadingSeparator),
                row.Title,
                row.SourceUrl,
                row.Page));
        }

        var mentions = await db.Mentions.AsNoTracking().Select(m => new { m.ChunkId, m.Entity }).ToListAsync(cancellationToken);
        var relations = await db.Relations.AsNoTracking().Select(r => new { r.ChunkId, r.Source, r.Target, r.Keywords }).ToListAsync(cancellationToken);
        var graph = new GraphIndex(
            chunks.Count,
            mentions.Where(m => ordinals.ContainsKey(m.ChunkId)).Select(m => (ordinals[m.ChunkId], m.Entity)),
            relations.Where(r => ordinals.ContainsKey(r.ChunkId)).Select(r => (ordinals[r.ChunkId], r.Source, r.Target, r.Keywords)));
        return TenantIndexBuilder.Build(tenantId, chunks, vectors, dimensions, options.Value.QuantizesAt(chunks.Count), graph);
    }
}
