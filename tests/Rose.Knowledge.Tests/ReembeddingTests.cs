using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rose.Knowledge.Data;
using Rose.Knowledge.Ingestion;
using Rose.Knowledge.Retrieval;
using Rose.Knowledge.Tests.Fixtures;
using Rose.Llm.Embeddings;
using Rose.Platform.Workflows;
using Rose.Storage;
using Xunit;

namespace Rose.Knowledge.Tests;

/// <summary>
/// A knowledge base indexed with one embedding model, and the host restarted with another: the
/// documents are re-embedded by themselves, through <c>DocumentLoadingWorkflow</c> on the embedded
/// workflow runner (the one loading path).
/// </summary>
public sealed class ReembeddingTests : IDisposable
{
    private const string OldModel = "old-model";
    private readonly string dataPath = Directory.CreateTempSubdirectory("rose-knowledge-reembed-").FullName;

    public void Dispose() => Directory.Delete(dataPath, recursive: true);

    [Fact]
    public async Task A_new_embedding_model_reembeds_every_tenants_documents_after_a_restart()
    {
        string acme, globex;
        using (var first = await StartAsync(new RenamedEmbedder(OldModel)))
        {
            acme = (await first.SubmitAsync("acme", new DocumentSubmission(null, null, "handbook.md", "text/markdown", TestDocuments.Utf8(TestDocuments.Markdown)))).Id;
            globex = (await first.SubmitAsync("globex", new DocumentSubmission("Pumps", null, "pumps.txt", "text/plain", TestDocuments.Utf8("Globex sells industrial pumps.")))).Id;
            await WaitUntilAsync(first, "acme", chunks => chunks.Count >= 3 && chunks.All(c => c.EmbeddingModel == OldModel));
            await WaitUntilAsync(first, "globex", chunks => chunks.Count == 1 && chunks.All(c => c.EmbeddingModel == OldModel));
            await first.StopAsync();
        }

        var current = SharedEmbedder.Instance;
        using var second = await StartAsync(current);

        var acmeChunks = await WaitUntilAsync(second, "acme", chunks => chunks.Count >= 3 && chunks.All(c => c.EmbeddingModel == current.Model));
        await WaitUntilAsync(second, "globex", chunks => chunks.Count == 1 && chunks.All(c => c.EmbeddingModel == current.Model));
        Assert.All(acmeChunks, c => Assert.Equal(current.Dimensions, c.EmbeddingDimensions));
        Assert.All(acmeChunks, c => Assert.Equal(acme.Split(':')[1], c.DocumentId));
        Assert.Equal(DocumentStatus.Indexed, (await DocumentAsync(second, "acme", acme)).Status);
        Assert.Equal(DocumentStatus.Indexed, (await DocumentAsync(second, "globex", globex)).Status);

        // Vector search works again: the passages carry vectors of the current model.
        var hits = await second.Services.GetRequiredService<IKnowledgeRetriever>().RetrieveAsync("acme", "How much does the Classroom kit cost?", 3, CancellationToken.None);
        Assert.Contains("390 euros", hits[0].Text, StringComparison.Ordinal);
        Assert.Equal(current.Dimensions, hits[0].Vector.Length);
        Assert.Equal(0, await second.Services.GetRequiredService<DocumentReloadScan>().ScheduleStaleDocumentsAsync(CancellationToken.None));
        await second.StopAsync();
    }

    [Fact]
    public async Task Switching_the_embedder_setting_reembeds_every_document_with_the_new_model()
    {
        string id;
        using (var first = await EmbeddedKnowledgeHost.StartAsync(dataPath, OfflineEmbedder.MiniLm))
        {
            Assert.Equal(MiniLmTextEmbedder.ModelName, first.Services.GetRequiredService<ITextEmbedder>().Model);
            id = (await first.SubmitAsync("acme", new DocumentSubmission(null, null, "handbook.md", "text/markdown", TestDocuments.Utf8(TestDocuments.Markdown)))).Id;
            await WaitUntilAsync(first, "acme", chunks => chunks.Count >= 3 && chunks.All(c => c.EmbeddingModel == MiniLmTextEmbedder.ModelName));
            await first.StopAsync();
        }

        using var second = await EmbeddedKnowledgeHost.StartAsync(dataPath, OfflineEmbedder.ArcticXs);
        var embedder = second.Services.GetRequiredService<ITextEmbedder>();
        Assert.Equal(ArcticXsTextEmbedder.ModelName, embedder.Model);

        var chunks = await WaitUntilAsync(second, "acme", chunks => chunks.Count >= 3 && chunks.All(c => c.EmbeddingModel == ArcticXsTextEmbedder.ModelName));
        Assert.All(chunks, c => Assert.Equal(embedder.Dimensions, c.EmbeddingDimensions));
        Assert.Equal(DocumentStatus.Indexed, (await DocumentAsync(second, "acme", id)).Status);

        // The stored vectors are the new model's: a question embedded by it (with its query
        // instruction) finds the passage by the vector leg alone.
        var question = (await embedder.EmbedQueriesAsync(["How much does the Classroom kit cost?"], CancellationToken.None))[0];
        var index = await second.Services.GetRequiredService<KnowledgeIndexCache>().GetAsync("acme", CancellationToken.None);
        var nearest = index.Vectors.Search(question, 1);
        Assert.Contains("390 euros", index.Chunks[nearest[0].Ordinal].Text, StringComparison.Ordinal);
        Assert.Equal(0, await second.Services.GetRequiredService<DocumentReloadScan>().ScheduleStaleDocumentsAsync(CancellationToken.None));
        await second.StopAsync();
    }

    [Fact]
    public async Task Scheduling_the_same_reembedding_while_it_runs_starts_no_second_workflow()
    {
        var blocking = new BlockingEmbedder();
        using var host = await StartAsync(blocking);
        var view = await host.SubmitAsync("acme", new DocumentSubmission(null, null, "handbook.md", "text/markdown", TestDocuments.Utf8(TestDocuments.Markdown)));
        await blocking.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        var document = new DocumentRef("acme", view.Id.Split(':')[1]);
        var scheduler = host.Services.GetRequiredService<IDocumentLoadingScheduler>();

        await scheduler.ScheduleOnceAsync(document, "reembed-test", CancellationToken.None);
        await scheduler.ScheduleOnceAsync(document, "reembed-test", CancellationToken.None);

        var status = await host.Services.GetRequiredService<IWorkflowScheduler>().GetStatusAsync(WorkflowInstanceIds.Compose("acme", "reembed-test"));
        Assert.NotNull(status);
        Assert.False(status.IsFinished);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await host.StopAsync(stop.Token);
    }

    private Task<IHost> StartAsync(ITextEmbedder embedder) => EmbeddedKnowledgeHost.StartAsync(dataPath, embedder);

    private static async Task<KnowledgeDocument> DocumentAsync(IHost host, string tenantId, string id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
        var local = id.Split(':')[1];
        return await scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>().Documents.AsNoTracking().SingleAsync(d => d.Id == local);
    }

    /// <summary>The tenant's chunks once <paramref name="done"/> holds for them (and their document is indexed); fails after a minute.</summary>
    private static async Task<List<KnowledgeChunk>> WaitUntilAsync(IHost host, string tenantId, Func<List<KnowledgeChunk>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using (var scope = host.Services.CreateAsyncScope())
            {
                using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
                var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
                var chunks = await db.Chunks.AsNoTracking().ToListAsync();
                var indexed = await db.Documents.AsNoTracking().AllAsync(d => d.Status == DocumentStatus.Indexed);
                if (indexed && done(chunks))
                {
                    return chunks;
                }

                Assert.True(DateTime.UtcNow < deadline, $"Tenant {tenantId}: {chunks.Count} chunks, models {string.Join(", ", chunks.Select(c => c.EmbeddingModel).Distinct())}, all indexed: {indexed}");
            }

            await Task.Delay(50);
        }
    }
}
