using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;
using Rose.Knowledge.Data;
using Rose.Knowledge.Ingestion;
using Rose.Knowledge.Tests.Fixtures;
using Rose.Knowledge.VectorStores;
using Rose.Llm.Embeddings;
using Rose.Storage;
using Rose.Testing.Mongo;
using Xunit;

namespace Rose.Knowledge.Tests;

/// <summary>
/// The knowledge module with <c>Rose:Knowledge:VectorStore:Provider=MongoDb</c>, end to end: loading
/// writes the chunk vectors to the (fake) MongoDB server, the vector leg of retrieval searches it,
/// deleting a document deletes them; chunks and text stay in SQLite.
/// </summary>
public sealed class MongoKnowledgeTests : IAsyncLifetime
{
    private const string Database = "rose_e2e";
    private const string Collection = "knowledge_vectors";
    private const string RefundPolicy = "Refunds are granted within thirty days of purchase, on presentation of the receipt.";

    private readonly string folder = Directory.CreateTempSubdirectory("rose-knowledge-mongo-").FullName;
    private FakeMongoServer server = null!;
    private KnowledgeTestHost host = null!;

    public async Task InitializeAsync()
    {
        server = FakeMongoServer.Start();
        host = await KnowledgeTestHost.StartAsync(StorageProvider.Sqlite, $"Data Source={Path.Combine(folder, "rose.db")};Pooling=false", MongoSettings(server.ConnectionString));
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await server.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Ingest_search_and_delete_go_through_the_shared_collection_with_the_tenant_on_every_vector()
    {
        var view = await host.SubmitAsync("acme", Markdown("handbook.md", TestDocuments.Markdown));
        await host.SubmitAsync("globex", Markdown("handbook.md", TestDocuments.Markdown));
        var document = await host.AsTenantAsync("acme", intake => intake.FindAsync(view.Id, CancellationToken.None));
        Assert.Equal(DocumentStatus.Indexed, document!.Status);

        var acmeVectors = server.Documents(Database, Collection).Where(d => d["tenantId"] == "acme").ToList();
        Assert.Equal(document.ChunkCount, acmeVectors.Count);
        Assert.All(acmeVectors, v => Assert.StartsWith("acme:", v["_id"].AsString));
        Assert.All(acmeVectors, v => Assert.Equal(SharedEmbedder.Instance.Dimensions, v["embedding"].AsBsonArray.Count));

        var hits = await host.SearchAsync("acme", "How much does the Classroom kit cost?");
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.StartsWith("acme:", h.ChunkId));
        var search = server.Commands.Last(c => c.Contains("aggregate") && c["pipeline"][0].AsBsonDocument.Contains("$vectorSearch"));
        Assert.Equal("acme", search["pipeline"][0]["$vectorSearch"]["filter"]["$and"][0]["tenantId"]["$eq"].AsString);

        Assert.True(await host.AsTenantAsync("acme", intake => intake.DeleteAsync(view.Id, CancellationToken.None)));

        Assert.DoesNotContain(server.Documents(Database, Collection), d => d["tenantId"] == "acme");
        Assert.NotEmpty(server.Documents(Database, Collection));
        Assert.Empty(await host.SearchAsync("acme", "How much does the Classroom kit cost?"));
    }

    [Fact]
    public async Task Vector_leg_of_retrieval_is_answered_by_the_store_not_the_snapshot()
    {
        await host.SubmitAsync("acme", new DocumentSubmission("Store rules", null, "rules.txt", "text/plain", TestDocuments.Utf8(RefundPolicy)));

        // No word in common with the text or title: only the vector leg can find the passage.
        var hit = Assert.Single(await host.SearchAsync("acme", "reimbursement", k: 3));
        Assert.Equal(RefundPolicy, hit.Text);

        // Remove the vectors behind the snapshot's back: the in-memory copy would still answer.
        using var client = new MongoClient(server.ConnectionString);
        await client.GetDatabase(Database).GetCollection<BsonDocument>(Collection).DeleteManyAsync(new BsonDocument("tenantId", "acme"));
        Assert.Empty(await host.SearchAsync("acme", "reimbursement", k: 3));
    }

    [Fact]
    public async Task Reingesting_a_changed_document_replaces_its_vectors()
    {
        await host.SubmitAsync("acme", new DocumentSubmission("Store rules", null, "rules.txt", "text/plain", TestDocuments.Utf8(RefundPolicy)));
        var before = server.Documents(Database, Collection).Select(d => d["_id"].AsString).ToList();

        var view = await host.SubmitAsync("acme", new DocumentSubmission("Store rules", null, "rules.txt", "text/plain", TestDocuments.Utf8("Exchanges are possible for sixty days.")));

        var after = server.Documents(Database, Collection);
        var chunkCount = (await host.AsTenantAsync("acme", intake => intake.FindAsync(view.Id, CancellationToken.None)))!.ChunkCount;
        Assert.Equal(chunkCount, after.Count);
        Assert.DoesNotContain(after, d => before.Contains(d["_id"].AsString));
    }

    [Fact]
    public async Task Loading_keeps_no_chunks_when_the_vector_store_refuses_the_write_and_loading_again_indexes_the_document()
    {
        var submission = new DocumentSubmission("Store rules", null, "rules.txt", "text/plain", TestDocuments.Utf8(RefundPolicy));
        // Every attempt the workflow makes (its retry policy tries the index step 3 times) is refused.
        server.FailNext("update", 3);

        var view = await host.SubmitAsync("acme", submission);

        var failed = await FindAsync(view.Id);
        Assert.Equal(DocumentStatus.Failed, failed.Status);
        Assert.Equal(0, failed.ChunkCount);
        Assert.Empty(await host.SearchAsync("acme", "refunds"));

        // The content hash rolled back with the chunks: the same bytes again are loaded, not skipped as unchanged.
        await host.SubmitAsync("acme", submission);

        var indexed = await FindAsync(view.Id);
        Assert.Equal(DocumentStatus.Indexed, indexed.Status);
        Assert.Equal(indexed.ChunkCount, server.Documents(Database, Collection).Count);
        Assert.NotEmpty(await host.SearchAsync("acme", "refunds"));
    }

    [Fact]
    public async Task Delete_keeps_the_document_whole_when_the_vector_store_refuses_and_completes_when_retried()
    {
        var view = await host.SubmitAsync("acme", new DocumentSubmission("Store rules", null, "rules.txt", "text/plain", TestDocuments.Utf8(RefundPolicy)));
        var vectors = server.Documents(Database, Collection).Count;
        server.FailNext("delete");

        await Assert.ThrowsAsync<MongoCommandException>(() => host.AsTenantAsync("acme", intake => intake.DeleteAsync(view.Id, CancellationToken.None)));

        Assert.Equal(DocumentStatus.Indexed, (await FindAsync(view.Id)).Status);
        Assert.Equal(vectors, server.Documents(Database, Collection).Count);
        Assert.NotEmpty(await host.SearchAsync("acme", "refunds"));

        Assert.True(await host.AsTenantAsync("acme", intake => intake.DeleteAsync(view.Id, CancellationToken.None)));
        Assert.Empty(server.Documents(Database, Collection));
    }

    [Fact]
    public async Task Start_fails_when_MongoDb_is_chosen_without_a_connection_string()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartHostAsync(null));
        Assert.Contains("Rose:Knowledge:VectorStore:ConnectionString", failure.Message, StringComparison.Ordinal);

        await Assert.ThrowsAsync<OptionsValidationException>(() => StartHostAsync("not a connection string"));

        // The same host with the connection string starts: the failure above is the validation's.
        using var started = await StartHostAsync(server.ConnectionString);
        Assert.IsType<MongoVectorStore>(started.Services.GetRequiredService<IVectorStore>());
    }

    private async Task<IHost> StartHostAsync(string? connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.Configuration[RoseDataPath.Key] = folder;
        builder.Configuration.AddInMemoryCollection(MongoSettings(connectionString));
        builder.Services.AddSingleton<ITextEmbedder>(SharedEmbedder.Instance);
        builder.Services.AddKnowledgeAsHosted(builder.Configuration);
        var app = builder.Build();
        try
        {
            await app.StartAsync();
            await app.StopAsync();
            return app;
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    private async Task<DocumentView> FindAsync(string id) =>
        await host.AsTenantAsync("acme", intake => intake.FindAsync(id, CancellationToken.None)) ?? throw new InvalidOperationException($"No document {id}.");

    private static Dictionary<string, string?> MongoSettings(string? connectionString) => new()
    {
        ["Rose:Knowledge:VectorStore:Provider"] = "MongoDb",
        ["Rose:Knowledge:VectorStore:ConnectionString"] = connectionString,
        ["Rose:Knowledge:VectorStore:Database"] = Database,
        ["Rose:Knowledge:VectorStore:Collection"] = Collection,
    };

    private static DocumentSubmission Markdown(string fileName, string text) => new(null, null, fileName, "text/markdown", TestDocuments.Utf8(text));
}
