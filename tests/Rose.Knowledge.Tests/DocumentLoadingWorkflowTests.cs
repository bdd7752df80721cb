using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rose.Knowledge.Data;
using Rose.Knowledge.Ingestion;
using Rose.Knowledge.Tests.Fixtures;
using Rose.Llm.Embeddings;
using Rose.Platform.Embedded;
using Rose.Platform.Embedded.Workflows;
using Rose.Platform.Workflows;
using Rose.Storage;
using Xunit;

namespace Rose.Knowledge.Tests;

/// <summary>
/// <c>DocumentLoadingWorkflow</c> on Rose.Platform's embedded workflow runner (the same
/// <c>Dapr.Workflow</c> classes Dapr runs), including a process restart in the middle of a load.
/// </summary>
public sealed class DocumentLoadingWorkflowTests : IDisposable
{
    private readonly string dataPath = Directory.CreateTempSubdirectory("rose-knowledge-wf-").FullName;

    public void Dispose() => Directory.Delete(dataPath, recursive: true);

    [Fact]
    public async Task Workflow_indexes_a_document_and_fails_a_corrupt_one_alone()
    {
        using var host = await StartAsync(SharedEmbedder.Instance);

        var good = await SubmitAsync(host, new DocumentSubmission(null, null, "handbook.md", "text/markdown", TestDocuments.Utf8(TestDocuments.Markdown)));
        var bad = await SubmitAsync(host, new DocumentSubmission("Broken", null, "broken.pdf", "application/pdf", TestDocuments.CorruptPdf()));

        var indexed = await WaitForLoadedAsync(host, good.Id);
        var failed = await WaitForLoadedAsync(host, bad.Id);
        Assert.Equal(DocumentStatus.Indexed, indexed.Status);
        Assert.True(indexed.ChunkCount > 0);
        Assert.Equal(DocumentStatus.Failed, failed.Status);
        Assert.Contains("PDF could not be read", failed.Error, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task Workflow_resumes_after_a_restart_in_the_middle_of_embedding()
    {
        var blocking = new BlockingEmbedder();
        DocumentView submitted;
        using (var first = await StartAsync(blocking))
        {
            submitted = await SubmitAsync(first, new DocumentSubmission(null, null, "handbook.md", "text/markdown", TestDocuments.Utf8(TestDocuments.Markdown)));
            await blocking.Entered.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(DocumentStatus.Processing, (await FindAsync(first, submitted.Id))!.Status);
            await first.StopAsync();
        }

        using var second = await StartAsync(SharedEmbedder.Instance);
        var resumed = await WaitForLoadedAsync(second, submitted.Id);

        Assert.Equal(DocumentStatus.Indexed, resumed.Status);
        Assert.True(resumed.ChunkCount > 0);
        await second.StopAsync();
    }

    [Fact]
    public async Task Workflow_payloads_stay_small_for_a_large_document()
    {
        using var host = await StartAsync(new HashingEmbedder());
        var sections = Enumerable.Range(1, 400).Select(i =>
            $"## Section {i}\n\nThe Classroom kit number {i} ships with {i} sensors, a teacher guide and a calibration sheet for lab {i}. " +
            $"It is delivered in {i % 9 + 1} days and costs {300 + i} euros per year.");
        var markdown = "# Catalogue\n\n" + string.Join("\n\n", sections);
        Assert.True(markdown.Length > 60_000);

        var view = await SubmitAsync(host, new DocumentSubmission(null, null, "catalogue.md", "text/markdown", TestDocuments.Utf8(markdown)));
        var indexed = await WaitForLoadedAsync(host, view.Id);

        Assert.Equal(DocumentStatus.Indexed, indexed.Status);
        Assert.True(indexed.ChunkCount > 40, $"{indexed.ChunkCount} chunks");
        var journal = host.Services.GetRequiredService<WorkflowJournal>();
        var instanceId = await LastInstanceAsync(host);
        // The document reads indexed from inside the last step; the journal records that step after it returns.
        using var finishing = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.Services.GetRequiredService<IWorkflowScheduler>().WaitForCompletionAsync(instanceId, finishing.Token);
        var record = (await journal.GetAsync(instanceId, CancellationToken.None))!;
        var history = await journal.HistoryAsync(instanceId, CancellationToken.None);
        Assert.True(history.Count >= 4, string.Join(", ", history.Values.Select(h => h.Name)));
        // On Dapr the history travels with every dispatch and the sidecar caps a body at 4 MiB by default: ids and counts only.
        Assert.All(history.Values, step => Assert.True((step.Result?.Length ?? 0) < 1024, $"{step.Name} returned {step.Result?.Length} characters"));
        Assert.True(record.Input!.Length < 1024 && record.Output!.Length < 1024);
        // What the steps handed each other is gone once the document is indexed.
        await using var scope = host.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use("acme");
        Assert.Empty(scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>().LoadingStages);
        await host.StopAsync();
    }

    private static async Task<string> LastInstanceAsync(IHost host)
    {
        var database = host.Services.GetRequiredService<PlatformDatabase>();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT instance_id FROM workflow_instances ORDER BY created_at DESC LIMIT 1";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private Task<IHost> StartAsync(ITextEmbedder embedder) => EmbeddedKnowledgeHost.StartAsync(dataPath, embedder);

    private static Task<DocumentView> SubmitAsync(IHost host, DocumentSubmission submission) => host.SubmitAsync("acme", submission);

    private static async Task<DocumentView?> FindAsync(IHost host, string id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use("acme");
        return await scope.ServiceProvider.GetRequiredService<DocumentIntake>().FindAsync(id, CancellationToken.None);
    }

    private static async Task<DocumentView> WaitForLoadedAsync(IHost host, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var view = (await FindAsync(host, id))!;
            if (view.Status is DocumentStatus.Indexed or DocumentStatus.Failed || DateTime.UtcNow > deadline)
            {
                return view;
            }

            await Task.Delay(50);
        }
    }
}
