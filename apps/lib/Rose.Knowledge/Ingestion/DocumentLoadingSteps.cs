using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rose.Knowledge.Chunking;
using Rose.Knowledge.Data;
using Rose.Knowledge.Events;
using Rose.Knowledge.Graph;
using Rose.Knowledge.Parsing;
using Rose.Knowledge.Retrieval;
using Rose.Knowledge.Sources;
using Rose.Knowledge.VectorStores;
using Rose.Platform.PubSub;
using Rose.Llm.Embeddings;
using Rose.Storage;

namespace Rose.Knowledge.Ingestion;

/// <summary>
/// The steps of loading one document: fetch + parse, chunk, embed, index (which stages
/// <c>knowledge.updated</c> in its transaction) — the activities
/// of <c>DocumentLoadingWorkflow</c>, the one loading path on both runtimes. Steps take and return
/// ids and counts only; what one hands the next stays in the database (<see cref="LoadingStage"/>).
/// Every step acts for the tenant it is given.
/// </summary>
public sealed class DocumentLoadingSteps(
    IServiceScopeFactory scopes,
    DocumentParser parser,
    WebPageFetcher fetcher,
    StructureAwareChunker chunker,
    ITextEmbedder embedder,
    IGraphExtractor graphExtractor,
    KnowledgeIndexCache cache,
    IVectorStore vectorStore,
    IOptions<ChunkingOptions> chunking,
    TimeProvider time)
{
    /// <summary>Runs that crashed for good leave their stages behind; the next run of the document removes them after this long.</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromDays(1);

    public async Task<ParseOutcome> FetchAndParseAsync(DocumentRun run, CancellationToken cancellationToken)
    {
        await using var scope = Enter(run.TenantId, out var db);
        var row = await db.Documents.SingleOrDefaultAsync(d => d.Id == run.DocumentId, cancellationToken)
            ?? throw new DocumentRejectedException("The document was deleted before it could be loaded.");
        row.Status = DocumentStatus.Processing;
        row.Error = null;
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);

        var parsed = row.Origin switch
        {
            DocumentOrigin.Faq => ParseFaq(row),
            DocumentOrigin.Url => await ParseWebPageAsync(row, cancellationToken),
            _ => parser.Parse(row.Payload ?? [], row.ContentType, row.SourceKey, row.Title),
        };
        var title = row.TitleIsExplicit || string.IsNullOrWhiteSpace(parsed.Title) ? row.Title : parsed.Title;
        var hash = ContentHasher.Hash(title, row.SourceUrl, parsed.Blocks, chunking.Value);
        var unchanged = hash == row.ContentHash
            && !await db.Chunks.Where(DocumentReloadScan.MadeByAnotherModel(embedder)).AnyAsync(c => c.DocumentId == row.Id, cancellationToken);
        if (!unchanged)
        {
            await LoadingStages.WriteAsync(db, run, LoadingStages.Parsed, new ParsedSource(run.Document, title, row.SourceUrl, hash, false, parsed.Blocks), time.GetUtcNow(), cancellationToken);
        }

        return new ParseOutcome(unchanged, parsed.Blocks.Count);
    }

    /// <summary>Cuts the parsed document into structure-aware chunks; returns how many.</summary>
    public async Task<int> ChunkAsync(DocumentRun run, CancellationToken cancellationToken)
    {
        await using var scope = Enter(run.TenantId, out var db);
        var parsed = await LoadingStages.ReadAsync<ParsedSource>(db, run, LoadingStages.Parsed, cancellationToken);
        var chunked = new ChunkedSource(parsed.Document, parsed.Title, parsed.SourceUrl, parsed.ContentHash, chunker.Chunk(new ParsedDocument(parsed.Title, parsed.Blocks)));
        await LoadingStages.WriteAsync(db, run, LoadingStages.Chunked, chunked, time.GetUtcNow(), cancellationToken);
        return chunked.Chunks.Count;
    }

    /// <summary>Embeds every chunk (title and heading path included) with the configured model; returns how many.</summary>
    public async Task<int> EmbedAsync(DocumentRun run, CancellationToken cancellationToken)
    {
        await using var scope = Enter(run.TenantId, out var db);
        var chunked = await LoadingStages.ReadAsync<ChunkedSource>(db, run, LoadingStages.Chunked, cancellationToken);
        var inputs = chunked.Chunks.Select(c => c.EmbeddingInput(chunked.Title)).ToList();
        float[][] vectors = inputs.Count == 0 ? [] : await embedder.EmbedAsync(inputs, cancellationToken);
        var packed = MemoryMarshal.AsBytes(vectors.SelectMany(v => v).ToArray().AsSpan()).ToArray();
        await LoadingStages.WriteAsync(db, run, LoadingStages.Embedded, new EmbeddedVectors(embedder.Model, embedder.Dimensions, packed), time.GetUtcNow(), cancellationToken);
        return vectors.Length;
    }

    /// <summary>
    /// Replaces the document's chunks, vectors and graph contributions in one transaction, so a
    /// search sees either the old version or the new one, never a mix. Returns the chunk count,
    /// or -1 when the document was deleted meanwhile (nothing is written then).
    /// </summary>
    public async Task<int> IndexAsync(DocumentRun run, CancellationToken cancellationToken)
    {
        await using var scope = Enter(run.TenantId, out var db);
        var source = await LoadingStages.ReadAsync<ChunkedSource>(db, run, LoadingStages.Chunked, cancellationToken);
        var embedded = await LoadingStages.ReadAsync<EmbeddedVectors>(db, run, LoadingStages.Embedded, cancellationToken);
        var document = run.Document;
        // Before the transaction: an LLM may take seconds, and a search must not wait on locked rows meanwhile.
        var graphs = await graphExtractor.ExtractAsync(document.TenantId, source.Title, source.Chunks, cancellationToken);
        var rows = BuildRows(source, embedded, graphs);
        var strategy = db.Database.CreateExecutionStrategy();
        var written = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Touch the document row first: it locks the row, so a concurrent delete waits for us
            // (and then removes what we wrote) instead of leaving orphan chunks behind.
            var now = time.GetUtcNow();
            var touched = await db.Documents.Where(d => d.Id == document.DocumentId)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.UpdatedAt, now), cancellationToken);
            if (touched == 0)
            {
                return -1;
            }

            await DeleteContributionsAsync(db, document.DocumentId, cancellationToken);
            db.Chunks.AddRange(rows.Chunks);
            db.Mentions.AddRange(rows.Mentions);
            db.Relations.AddRange(rows.Relations);
            var row = await db.Documents.SingleAsync(d => d.Id == document.DocumentId, cancellationToken);
            row.Title = source.Title;
            // The status turns indexed below, once the document is searchable in this process.
            row.Error = null;
            row.ContentHash = source.ContentHash;
            row.ChunkCount = rows.Chunks.Count;
            row.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            // Inside the transaction: when the vector store fails, the chunks roll back with it and
            // the content hash stays old, so loading the document again redoes both.
            await vectorStore.ReplaceDocumentAsync(
                document.TenantId, document.DocumentId, embedded.Model, [.. rows.Chunks.Select(c => new ChunkVector(c.Id, MemoryMarshal.Cast<byte, float>(c.Embedding).ToArray()))], cancellationToken);
            await LoadingStages.RemoveAsync(db, run, now - AbandonedAfter, cancellationToken);
            // In the same transaction (the outbox): search replicas hear of exactly the versions that committed.
            var updated = new KnowledgeUpdated(document.TenantId, TenantIds.Compose(document.TenantId, document.DocumentId), KnowledgeUpdated.Indexed);
            // This process refreshes its own snapshot below: the event coming back must not build it twice.
            cache.RefreshesLocally(updated.Id);
            db.StageEvent(updated);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return rows.Chunks.Count;
        });
        if (written >= 0)
        {
            // Searchable in this process before the document reads indexed; built here, in the
            // loading step, never on a visitor's request.
            await cache.RefreshAsync(document.TenantId, cancellationToken);
            await SetStatusAsync(document, DocumentStatus.Indexed, null, cancellationToken);
        }

        return written;
    }

    public async Task CompleteUnchangedAsync(DocumentRef document, CancellationToken cancellationToken) =>
        await SetStatusAsync(document, DocumentStatus.Indexed, null, cancellationToken);

    public async Task FailAsync(DocumentRun run, string reason, CancellationToken cancellationToken)
    {
        await SetStatusAsync(run.Document, DocumentStatus.Failed, reason.Length > 1000 ? reason[..1000] : reason, cancellationToken);
        await using var scope = Enter(run.TenantId, out var db);
        await LoadingStages.RemoveAsync(db, run, time.GetUtcNow() - AbandonedAfter, cancellationToken);
    }

    /// <summary>Removes the chunks, vectors and graph rows that a document contributed.</summary>
    internal static async Task DeleteContributionsAsync(KnowledgeDbContext db, string documentId, CancellationToken cancellationToken)
    {
        await db.Mentions.Where(m => m.DocumentId == documentId).ExecuteDeleteAsync(cancellationToken);
        await db.Relations.Where(r => r.DocumentId == documentId).ExecuteDeleteAsync(cancellationToken);
        await db.Chunks.Where(c => c.DocumentId == documentId).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task SetStatusAsync(DocumentRef document, DocumentStatus status, string? error, CancellationToken cancellationToken)
    {
        await using var scope = Enter(document.TenantId, out var db);
        var row = await db.Documents.SingleOrDefaultAsync(d => d.Id == document.DocumentId, cancellationToken);
        if (row is null)
        {
            return;
        }

        row.Status = status;
        row.Error = error;
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static (List<KnowledgeChunk> Chunks, List<GraphMention> Mentions, List<GraphRelation> Relations) BuildRows(ChunkedSource source, EmbeddedVectors embedded, IReadOnlyList<GraphExtraction> graphs)
    {
        var chunks = new List<KnowledgeChunk>(source.Chunks.Count);
        var mentions = new List<GraphMention>();
        var relations = new List<GraphRelation>();
        for (var i = 0; i < source.Chunks.Count; i++)
        {
            var draft = source.Chunks[i];
            var chunkId = Guid.CreateVersion7().ToString("N");
            chunks.Add(new KnowledgeChunk
            {
                TenantId = source.Document.TenantId,
                Id = chunkId,
                DocumentId = source.Document.DocumentId,
                Ordinal = draft.Ordinal,
                Text = draft.Text,
                HeadingPath = string.Join(KnowledgeChunk.HeadingSeparator, draft.HeadingPath),
                Title = source.Title,
                SourceUrl = source.SourceUrl,
                Page = draft.Page,
                TokenCount = draft.TokenCount,
                EmbeddingModel = embedded.Model,
                EmbeddingDimensions = embedded.Dimensions,
                // Chunk i's floats, cut once from the staged vectors; the vector store reads them back from here.
                Embedding = embedded.Packed.AsSpan(i * embedded.Dimensions * sizeof(float), embedded.Dimensions * sizeof(float)).ToArray(),
            });

            var graph = graphs[i];
            mentions.AddRange(graph.Entities.Select(e => new GraphMention
            {
                TenantId = source.Document.TenantId,
                Id = Guid.CreateVersion7().ToString("N"),
                DocumentId = source.Document.DocumentId,
                ChunkId = chunkId,
                Entity = Truncate(e.Key, 200),
                Label = Truncate(e.Label, 200),
            }));
            relations.AddRange(graph.Relations.Select(r => new GraphRelation
            {
                TenantId = source.Document.TenantId,
                Id = Guid.CreateVersion7().ToString("N"),
                DocumentId = source.Document.DocumentId,
                ChunkId = chunkId,
                Source = Truncate(r.Source, 200),
                Target = Truncate(r.Target, 200),
                Keywords = Truncate(r.Keywords, 500),
            }));
        }

        return (chunks, mentions, relations);
    }

    private async Task<ParsedDocument> ParseWebPageAsync(KnowledgeDocument row, CancellationToken cancellationToken)
    {
        var url = new Uri(row.SourceUrl ?? row.SourceKey);
        var fetched = await fetcher.FetchAsync(url, cancellationToken);
        return parser.Parse(fetched.Content, fetched.ContentType, fetched.NameOrUrl, row.Title);
    }

    private static ParsedDocument ParseFaq(KnowledgeDocument row)
    {
        var faq = JsonSerializer.Deserialize<FaqEntry>(row.Payload ?? [])
            ?? throw new DocumentRejectedException("The FAQ entry is empty.");
        return new ParsedDocument(faq.Question, [new ContentBlock(BlockKind.Faq, $"{faq.Question}\n{faq.Answer}")]);
    }

    private AsyncServiceScope Enter(string tenantId, out KnowledgeDbContext db)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
        db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
        return scope;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
