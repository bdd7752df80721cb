using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using Rose.Knowledge.Retrieval;
using Rose.Knowledge.VectorStores;
using Rose.Llm.Embeddings;
using Rose.Testing.Mongo;
using Xunit;

namespace Rose.Knowledge.Tests;

/// <summary>The MongoDB vector store against a fake server that speaks the wire protocol to the real driver.</summary>
public sealed class MongoVectorStoreTests : IAsyncLifetime
{
    private const string Database = "rose_test";
    private const string Collection = "vectors";
    private const string Model = "test-embedding-4";

    private FakeMongoServer server = null!;
    private MongoVectorStore store = null!;

    public Task InitializeAsync()
    {
        server = FakeMongoServer.Start();
        store = CreateStore(server.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        store.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Search_returns_only_the_tenants_vectors_when_two_tenants_share_the_collection()
    {
        // Same local ids and identical vectors in both tenants: only the tenant filter tells them apart.
        await store.ReplaceDocumentAsync("acme", "d1", Model, [new("c1", [1, 0, 0, 0]), new("c2", [0.6f, 0.8f, 0, 0])], CancellationToken.None);
        await store.ReplaceDocumentAsync("globex", "d1", Model, [new("c1", [1, 0, 0, 0]), new("c9", [0.9f, 0.1f, 0, 0])], CancellationToken.None);

        // k = 2: were the filter applied after the search, globex's nearer vectors would take acme's places.
        var acme = await store.SearchChunksAsync("acme", new float[] { 1, 0, 0, 0 }, 2, CancellationToken.None);
        var globex = await store.SearchChunksAsync("globex", new float[] { 1, 0, 0, 0 }, 2, CancellationToken.None);

        Assert.Equal(["acme:c1", "acme:c2"], acme.Select(h => h.ChunkId));
        Assert.Equal(1.0, acme[0].Score, 6);
        Assert.Equal(["globex:c1", "globex:c9"], globex.Select(h => h.ChunkId));
        var search = server.Commands.Last(c => c.Contains("aggregate"))["pipeline"][0]["$vectorSearch"].AsBsonDocument;
        Assert.Equal("globex", search["filter"]["$and"][0]["tenantId"]["$eq"].AsString);
        Assert.Equal("embedding", search["path"].AsString);
    }

    [Fact]
    public async Task Replace_stores_composite_ids_with_tenant_document_chunk_and_model()
    {
        await store.ReplaceDocumentAsync("acme", "d1", Model, [new("c1", [0, 0, 1, 0])], CancellationToken.None);

        var stored = Assert.Single(server.Documents(Database, Collection));
        Assert.Equal("acme:c1", stored["_id"].AsString);
        Assert.Equal("acme", stored["tenantId"].AsString);
        Assert.Equal("d1", stored["documentId"].AsString);
        Assert.Equal("c1", stored["chunkId"].AsString);
        Assert.Equal(Model, stored["model"].AsString);
        Assert.Equal([0.0, 0.0, 1.0, 0.0], stored["embedding"].AsBsonArray.Select(v => v.ToDouble()));
        var index = Assert.Single(server.SearchIndexes(Database, Collection));
        Assert.Equal("vectorSearch", index["type"].AsString);
        Assert.Contains(index["latestDefinition"]["fields"].AsBsonArray, f => f["type"] == "filter" && f["path"] == "tenantId");
        Assert.Contains(index["latestDefinition"]["fields"].AsBsonArray, f => f["type"] == "vector" && f["numDimensions"] == 4);
    }

    [Fact]
    public async Task Replace_of_a_reingested_document_keeps_only_the_new_chunks_without_duplicates()
    {
        await store.ReplaceDocumentAsync("acme", "d1", Model, [new("c1", [1, 0, 0, 0]), new("c2", [0, 1, 0, 0])], CancellationToken.None);
        await store.ReplaceDocumentAsync("acme", "d2", Model, [new("c5", [0, 0, 0, 1])], CancellationToken.None);

        await store.ReplaceDocumentAsync("acme", "d1", Model, [new("c2", [0, 0, 1, 0]), new("c3", [0, 1, 0, 0])], CancellationToken.None);
        await store.ReplaceDocumentAsync("acme", "d1", Model, [new("c2", [0, 0, 1, 0]), new("c3", [0, 1, 0, 0])], CancellationToken.None);

        var stored = server.Documents(Database, Collection);
        Assert.Equal(["acme:c2", "acme:c3", "acme:c5"], stored.Select(d => d["_id"].AsString).Order());
        Assert.Equal([0.0, 0.0, 1.0, 0.0], stored.Single(d => d["_id"] == "acme:c2")["embedding"].AsBsonArray.Select(v => v.ToDouble()));
        Assert.Single(server.SearchIndexes(Database, Collection));
    }

    [Fact]
    public async Task Delete_document_removes_every_vector_of_that_document_only()
    {
        await store.ReplaceDocumentAsync("acme", "d1", Model, [new("c1", [1, 0, 0, 0]), new("c2", [0, 1, 0, 0])], CancellationToken.None);
        await store.ReplaceDocumentAsync("acme", "d2", Model, [new("c3", [0, 0, 1, 0])], CancellationToken.None);
        await store.ReplaceDocumentAsync("globex", "d1", Model, [new("c1", [1, 0, 0, 0])], CancellationToken.None);

        await store.DeleteDocumentAsync("acme", "d1", CancellationToken.None);

        Assert.Equal(["acme:c3", "globex:c1"], server.Documents(Database, Collection).Select(d => d["_id"].AsString).Order());
        Assert.Equal(["acme:c3"], (await store.SearchChunksAsync("acme", new float[] { 1, 0, 0, 0 }, 10, CancellationToken.None)).Select(h => h.ChunkId));
    }

    [Fact]
    public async Task Delete_tenant_removes_that_tenants_vectors_and_no_other()
    {
        await store.ReplaceDocumentAsync("acme", "d1", Model, [new("c1", [1, 0, 0, 0])], CancellationToken.None);
        await store.ReplaceDocumentAsync("acme", "d2", Model, [new("c2", [0, 1, 0, 0])], CancellationToken.None);
        await store.ReplaceDocumentAsync("globex", "d1", Model, [new("c1", [1, 0, 0, 0])], CancellationToken.None);

        await store.DeleteTenantAsync("acme", CancellationToken.None);

        Assert.Equal(["globex:c1"], server.Documents(Database, Collection).Select(d => d["_id"].AsString));
    }

    [Fact]
    public async Task Search_of_a_snapshot_maps_ids_to_ordinals_and_ignores_chunks_the_snapshot_does_not_know()
    {
        // "c0" is in the store but not in the snapshot (its document was deleted after the snapshot loaded).
        await store.ReplaceDocumentAsync("acme", "d1", Model, [new("c0", [1, 0, 0, 0]), new("c1", [0.8f, 0.6f, 0, 0]), new("c2", [0, 1, 0, 0])], CancellationToken.None);
        IndexedChunk[] chunks = [Chunk("acme:c2"), Chunk("acme:c1")];
        using var snapshot = TenantIndexBuilder.Build("acme", chunks, new float[8], 4, quantize: false);

        var ranking = await store.SearchAsync(snapshot, new float[] { 1, 0, 0, 0 }, 3, CancellationToken.None);

        Assert.Equal([1, 0], ranking.Select(r => r.Ordinal));
    }

    [Fact]
    public async Task Search_of_vectors_of_another_model_finds_nothing()
    {
        await store.ReplaceDocumentAsync("acme", "d1", "an-older-model", [new("c1", [1, 0, 0, 0])], CancellationToken.None);

        Assert.Empty(await store.SearchChunksAsync("acme", new float[] { 1, 0, 0, 0 }, 5, CancellationToken.None));
    }

    [Fact]
    public async Task Search_of_a_snapshot_answers_with_no_vector_hits_when_the_server_is_unreachable()
    {
        var port = Rose.Testing.FreePort.Next();
        using var unreachable = CreateStore($"mongodb://127.0.0.1:{port}/?directConnection=true&serverSelectionTimeoutMS=300&connectTimeoutMS=300", TimeSpan.FromMilliseconds(500));
        using var snapshot = TenantIndexBuilder.Build("acme", [Chunk("acme:c1")], new float[4], 4, quantize: false);

        var started = TimeProvider.System.GetTimestamp();
        var ranking = await unreachable.SearchAsync(snapshot, new float[] { 1, 0, 0, 0 }, 3, CancellationToken.None);

        Assert.Empty(ranking);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(5));
        await Assert.ThrowsAnyAsync<Exception>(() => unreachable.DeleteDocumentAsync("acme", "d1", CancellationToken.None));
    }

    private static MongoVectorStore CreateStore(string connectionString, TimeSpan? searchTimeout = null) => new(
        Options.Create(new VectorStoreOptions
        {
            Provider = VectorStoreProvider.MongoDb,
            ConnectionString = connectionString,
            Database = Database,
            Collection = Collection,
            IndexName = "vectors_index",
            NumCandidates = 50,
            SearchTimeout = searchTimeout ?? TimeSpan.FromSeconds(10),
        }),
        new FourDimensionEmbedder(),
        NullLogger<MongoVectorStore>.Instance);

    private static IndexedChunk Chunk(string chunkId) => new("acme:d1", chunkId, "text " + chunkId, [], "Doc", null, null);

    /// <summary>Only its model name and dimensions matter to the store; vectors are written by hand.</summary>
    private sealed class FourDimensionEmbedder : ITextEmbedder
    {
        public string Model => MongoVectorStoreTests.Model;

        public int Dimensions => 4;

        public Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The store never embeds.");
    }
}
