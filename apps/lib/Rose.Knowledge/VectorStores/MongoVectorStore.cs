using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;
using Rose.Knowledge.Retrieval;
using Rose.Llm.Embeddings;
using Rose.Storage;

namespace Rose.Knowledge.VectorStores;

/// <summary>
/// Chunk vectors in one MongoDB (Atlas) collection shared by every tenant, searched with the
/// <c>$vectorSearch</c> aggregation stage. A document is
/// <c>{ _id: "tenantId:chunkId", tenantId, documentId, chunkId, model, embedding: [float] }</c>;
/// every read, write and delete filters on <c>tenantId</c>, and the search index declares
/// <c>tenantId</c> and <c>model</c> as filter fields so the tenant is part of the search itself,
/// not a post-filter over other tenants' neighbours.
/// </summary>
public sealed class MongoVectorStore : IVectorStore, IDisposable
{
    private const string EmbeddingField = "embedding";
    private static readonly FilterDefinitionBuilder<BsonDocument> Filter = Builders<BsonDocument>.Filter;

    private readonly VectorStoreOptions settings;
    private readonly ITextEmbedder embedder;
    private readonly ILogger<MongoVectorStore> logger;
    private readonly Lazy<MongoClient> client;
    private readonly SemaphoreSlim indexGate = new(1, 1);
    private volatile bool indexesEnsured;

    public MongoVectorStore(IOptions<VectorStoreOptions> options, ITextEmbedder embedder, ILogger<MongoVectorStore> logger)
    {
        settings = options.Value;
        this.embedder = embedder;
        this.logger = logger;
        // Created on first use: building the host must not need the server.
        client = new Lazy<MongoClient>(() => new MongoClient(MongoClientSettings.FromConnectionString(settings.ConnectionString)));
    }

    public async Task ReplaceDocumentAsync(string tenantId, string documentId, string model, IReadOnlyList<ChunkVector> chunks, CancellationToken cancellationToken)
    {
        TenantIds.EnsureValid(tenantId);
        var collection = await CollectionAsync(cancellationToken);
        var ids = new BsonArray(chunks.Count);
        if (chunks.Count > 0)
        {
            var writes = new List<WriteModel<BsonDocument>>(chunks.Count);
            foreach (var chunk in chunks)
            {
                var id = TenantIds.Compose(tenantId, chunk.ChunkId);
                ids.Add(id);
                var vector = new BsonArray(chunk.Vector.Length);
                foreach (var value in chunk.Vector)
                {
                    vector.Add(value);
                }

                writes.Add(new ReplaceOneModel<BsonDocument>(
                    Filter.Eq("_id", id) & Filter.Eq("tenantId", tenantId),
                    new BsonDocument
                    {
                        { "_id", id },
                        { "tenantId", tenantId },
                        { "documentId", documentId },
                        { "chunkId", chunk.ChunkId },
                        { "model", model },
                        { EmbeddingField, vector },
                    })
                { IsUpsert = true });
            }

            await collection.BulkWriteAsync(writes, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
        }

        // New vectors first, then the old ones go: a concurrent search meanwhile finds both, and
        // the snapshot it maps them to knows only one version (unknown ids are dropped).
        await collection.DeleteManyAsync(
            Filter.Eq("tenantId", tenantId) & Filter.Eq("documentId", documentId) & Filter.Nin("_id", ids),
            cancellationToken);
    }

    public async Task DeleteDocumentAsync(string tenantId, string documentId, CancellationToken cancellationToken)
    {
        TenantIds.EnsureValid(tenantId);
        var collection = await CollectionAsync(cancellationToken);
        await collection.DeleteManyAsync(Filter.Eq("tenantId", tenantId) & Filter.Eq("documentId", documentId), cancellationToken);
    }

    public async Task DeleteTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        TenantIds.EnsureValid(tenantId);
        var collection = await CollectionAsync(cancellationToken);
        await collection.DeleteManyAsync(Filter.Eq("tenantId", tenantId), cancellationToken);
    }

    public async ValueTask<ScoredOrdinal[]> SearchAsync(TenantKnowledgeIndex snapshot, ReadOnlyMemory<float> queryVector, int k, CancellationToken cancellationToken)
    {
        IReadOnlyList<VectorHit> hits;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.SearchTimeout);
            hits = await SearchChunksAsync(snapshot.TenantId, queryVector, k, timeout.Token);
        }
        catch (Exception e) when (e is MongoException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "The MongoDB vector search failed for tenant {TenantId}; answering from keywords and graph", snapshot.TenantId);
            return [];
        }

        var ranking = new List<ScoredOrdinal>(hits.Count);
        foreach (var hit in hits)
        {
            if (snapshot.TryGetOrdinal(hit.ChunkId, out var ordinal))
            {
                ranking.Add(new ScoredOrdinal(ordinal, (float)hit.Score));
            }
        }

        return [.. ranking];
    }

    /// <summary>
    /// The <paramref name="k"/> nearest chunks of the tenant in the current embedding model, best
    /// first, with Atlas' <c>vectorSearchScore</c> (cosine mapped to 0..1).
    /// </summary>
    public async Task<IReadOnlyList<VectorHit>> SearchChunksAsync(string tenantId, ReadOnlyMemory<float> queryVector, int k, CancellationToken cancellationToken)
    {
        TenantIds.EnsureValid(tenantId);
        if (k <= 0)
        {
            return [];
        }

        var collection = await CollectionAsync(cancellationToken);
        var vector = new BsonArray(queryVector.Length);
        foreach (var value in queryVector.Span)
        {
            vector.Add(value);
        }

        var limit = Math.Min(k, 10_000);
        PipelineDefinition<BsonDocument, BsonDocument> pipeline = new[]
        {
            new BsonDocument("$vectorSearch", new BsonDocument
            {
                { "index", settings.IndexName },
                { "path", EmbeddingField },
                { "queryVector", vector },
                { "numCandidates", Math.Max(settings.NumCandidates, limit) },
                { "limit", limit },
                {
                    "filter", new BsonDocument("$and", new BsonArray
                    {
                        new BsonDocument("tenantId", new BsonDocument("$eq", tenantId)),
                        new BsonDocument("model", new BsonDocument("$eq", embedder.Model)),
                    })
                },
            }),
            new BsonDocument("$project", new BsonDocument
            {
                { "_id", 1 },
                { "score", new BsonDocument("$meta", "vectorSearchScore") },
            }),
        };

        var documents = await (await collection.AggregateAsync(pipeline, cancellationToken: cancellationToken)).ToListAsync(cancellationToken);
        var prefix = tenantId + ":";
        var hits = new List<VectorHit>(documents.Count);
        foreach (var document in documents)
        {
            // The filter already keeps to the tenant; the prefix check is the second lock on the door.
            var id = document["_id"].AsString;
            if (id.StartsWith(prefix, StringComparison.Ordinal))
            {
                hits.Add(new VectorHit(id, document["score"].ToDouble()));
            }
        }

        return hits;
    }

    public void Dispose()
    {
        if (client.IsValueCreated)
        {
            client.Value.Dispose();
        }

        indexGate.Dispose();
    }

    private async Task<IMongoCollection<BsonDocument>> CollectionAsync(CancellationToken cancellationToken)
    {
        var collection = client.Value.GetDatabase(settings.Database).GetCollection<BsonDocument>(settings.Collection);
        if (indexesEnsured)
        {
            return collection;
        }

        await indexGate.WaitAsync(cancellationToken);
        try
        {
            if (!indexesEnsured)
            {
                await EnsureIndexesAsync(collection, cancellationToken);
                indexesEnsured = true;
            }
        }
        finally
        {
            indexGate.Release();
        }

        return collection;
    }

    /// <summary>
    /// The deletes' index (it also creates the collection, which Atlas needs before a search index)
    /// and, unless managed elsewhere, the vector search index with the tenant and model as filters.
    /// </summary>
    private async Task EnsureIndexesAsync(IMongoCollection<BsonDocument> collection, CancellationToken cancellationToken)
    {
        await collection.Indexes.CreateOneAsync(
            new CreateIndexModel<BsonDocument>(Builders<BsonDocument>.IndexKeys.Ascending("tenantId").Ascending("documentId")),
            cancellationToken: cancellationToken);
        if (!settings.CreateSearchIndex)
        {
            return;
        }

        var existing = await (await collection.SearchIndexes.ListAsync(settings.IndexName, cancellationToken: cancellationToken)).ToListAsync(cancellationToken);
        if (existing.Count > 0)
        {
            return;
        }

        var definition = new BsonDocument("fields", new BsonArray
        {
            new BsonDocument { { "type", "vector" }, { "path", EmbeddingField }, { "numDimensions", embedder.Dimensions }, { "similarity", "cosine" } },
            new BsonDocument { { "type", "filter" }, { "path", "tenantId" } },
            new BsonDocument { { "type", "filter" }, { "path", "model" } },
        });
        await collection.SearchIndexes.CreateOneAsync(new CreateSearchIndexModel(settings.IndexName, SearchIndexType.VectorSearch, definition), cancellationToken);
        logger.LogInformation("Created the vector search index {IndexName} on {Collection} ({Dimensions} dimensions)", settings.IndexName, settings.Collection, embedder.Dimensions);
    }
}
