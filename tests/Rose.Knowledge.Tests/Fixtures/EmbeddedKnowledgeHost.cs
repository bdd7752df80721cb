using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rose.Knowledge.Ingestion;
using Rose.Llm.Embeddings;
using Rose.Storage;

namespace Rose.Knowledge.Tests.Fixtures;

/// <summary>
/// A host composed like the worker and the standalone host (knowledge on <c>DocumentLoadingWorkflow</c>,
/// on Rose.Platform's embedded runner), on a SQLite file in <c>dataPath</c>: starting a second host on
/// the same folder is a restart.
/// </summary>
public static class EmbeddedKnowledgeHost
{
    public static Task<IHost> StartAsync(string dataPath, ITextEmbedder embedder) =>
        StartAsync(dataPath, new Dictionary<string, string?>(), services => services.AddSingleton(embedder));

    /// <summary>The host with the offline embedder its configuration chooses (<c>Rose:Knowledge:Embedder</c>), as a deployment gets it.</summary>
    public static Task<IHost> StartAsync(string dataPath, OfflineEmbedder configured) =>
        StartAsync(dataPath, new Dictionary<string, string?> { [OfflineEmbedders.ConfigurationKey] = configured.ToString() }, _ => { });

    private static async Task<IHost> StartAsync(string dataPath, Dictionary<string, string?> settings, Action<IServiceCollection> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Logging.ClearProviders();
        settings["Rose:Runtime"] = "Embedded";
        settings["Rose:DataPath"] = dataPath;
        settings["Rose:Storage:ConnectionString"] = $"Data Source={Path.Combine(dataPath, "rose.db")};Pooling=false";
        builder.Configuration.AddInMemoryCollection(settings);
        configure(builder.Services);
        builder.Services.AddKnowledgeAsHosted(builder.Configuration);

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
