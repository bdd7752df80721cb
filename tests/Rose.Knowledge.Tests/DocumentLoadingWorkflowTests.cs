using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rose.Knowledge.Data;
using Rose.Knowledge.Ingestion;
using Rose.Knowledge.Tests.Fixtures;
using Rose.Llm.Embeddings;
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
