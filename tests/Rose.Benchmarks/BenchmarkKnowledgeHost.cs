using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rose.Knowledge;
using Rose.Knowledge.Ingestion;
using Rose.Llm.Embeddings;
using Rose.Platform;
using Rose.Storage;
using Rose.Workflows;

namespace Rose.Benchmarks;

/// <summary>
/// The knowledge module composed as the worker and the standalone host compose it (documents load
/// through DocumentLoadingWorkflow, here inside the submit call), on SQLite in a data folder, with
/// the benchmark's own embedder. Settings can be overridden from the environment (<c>Rose__…</c>).
/// </summary>
internal static class BenchmarkKnowledgeHost
{
    public static async Task<IHost> StartAsync(string dataFolder, ITextEmbedder embedder)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rose:Runtime"] = "Embedded",
            ["Rose:DataPath"] = dataFolder,
            ["Rose:Storage:Provider"] = "Sqlite",
            ["Rose:Storage:ConnectionString"] = $"Data Source={Path.Combine(dataFolder, "rose.db")}",
        }).AddEnvironmentVariables();
        var configuration = builder.Configuration;
        var services = builder.Services;
        services.AddSingleton(embedder);
        services.AddRosePlatform(configuration);
        services.AddRoseKnowledge(configuration);
        services.AddRoseKnowledgeWorkflows();
        services.AddRoseWorkflows(configuration, workflows => workflows.AddDocumentLoading());
        services.Replace(ServiceDescriptor.Singleton<IDocumentLoadingScheduler, InlineScheduler>());
        var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await host.StartAsync();
        return host;
    }
}
