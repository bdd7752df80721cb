using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rose.Knowledge.Ingestion;
using Rose.Llm.Embeddings;
using Rose.Platform;
using Rose.Storage;
using Rose.Workflows;

namespace Rose.Knowledge.Tests.Fixtures;

/// <summary>
/// A host composed like the worker (knowledge on <c>DocumentLoadingWorkflow</c>, on Rose.Platform's
/// embedded runner) or, without workflows, like the standalone host (the in-process loader), on a
/// SQLite file in <c>dataPath</c>: starting a second host on the same folder is a restart.
/// </summary>
public static class EmbeddedKnowledgeHost
{
    public static async Task<IHost> StartAsync(string dataPath, ITextEmbedder embedder, bool workflows = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rose:Runtime"] = "Embedded",
            ["Rose:DataPath"] = dataPath,
            ["Rose:Storage:ConnectionString"] = $"Data Source={Path.Combine(dataPath, "rose.db")};Pooling=false",
        });
        builder.Services.AddSingleton(embedder);
        builder.Services.AddRoseKnowledge(builder.Configuration);
        if (workflows)
        {
            builder.Services.AddRosePlatform(builder.Configuration);
            builder.Services.AddRoseWorkflows(builder.Configuration, registrations => registrations.AddDocumentLoading());
            builder.Services.AddRoseKnowledgeWorkflows();
        }

        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static async Task<DocumentView> SubmitAsync(this IHost host, string tenantId, DocumentSubmission submission)
    {
        await using var scope = host.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
        return await scope.ServiceProvider.GetRequiredService<DocumentIntake>().SubmitAsync(submission, CancellationToken.None);
    }
}
