using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rose.Knowledge.Ingestion;
using Rose.Knowledge.Retrieval;
using Rose.Llm.Embeddings;
using Rose.Storage;

namespace Rose.Knowledge.Tests.Fixtures;

/// <summary>
/// The knowledge module as the apps compose it (documents load through <c>DocumentLoadingWorkflow</c>
/// on the embedded runner), on one database, with each submit waiting for its load to finish.
/// </summary>
public sealed class KnowledgeTestHost : IAsyncDisposable
{
    private readonly IHost host;
    private readonly string dataPath;

    private KnowledgeTestHost(IHost host, string dataPath)
    {
        this.host = host;
        this.dataPath = dataPath;
    }

    public IServiceProvider Services => host.Services;

    public InlineDocumentLoadingScheduler Scheduler => Services.GetRequiredService<InlineDocumentLoadingScheduler>();

    /// <param name="configure">Changes to the composition (another embedder, Rose.Llm), made after <c>AddRoseKnowledge</c>.</param>
    public static async Task<KnowledgeTestHost> StartAsync(
        StorageProvider provider, string connectionString, IDictionary<string, string?>? settings = null, Action<IServiceCollection, IConfiguration>? configure = null)
    {
        var dataPath = Directory.CreateTempSubdirectory("rose-knowledge-host-").FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rose:Runtime"] = "Embedded",
            ["Rose:DataPath"] = dataPath,
            ["Rose:Storage:Provider"] = provider.ToString(),
            ["Rose:Storage:ConnectionString"] = connectionString,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton<ITextEmbedder>(SharedEmbedder.Instance);
        builder.Services.AddKnowledgeAsHosted(builder.Configuration);
        configure?.Invoke(builder.Services, builder.Configuration);
        builder.Services.AddSingleton<InlineDocumentLoadingScheduler>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IDocumentLoadingScheduler>(sp => sp.GetRequiredService<InlineDocumentLoadingScheduler>()));
        var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await host.StartAsync();
        return new KnowledgeTestHost(host, dataPath);
    }

    /// <summary>Runs <paramref name="action"/> with the intake of <paramref name="tenantId"/>.</summary>
    public async Task<T> AsTenantAsync<T>(string tenantId, Func<DocumentIntake, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
        return await action(scope.ServiceProvider.GetRequiredService<DocumentIntake>());
    }

    /// <summary>Runs <paramref name="action"/> with the <typeparamref name="TService"/> of <paramref name="tenantId"/>.</summary>
    public async Task<T> AsTenantAsync<TService, T>(string tenantId, Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<DocumentView> SubmitAsync(string tenantId, DocumentSubmission submission) =>
        AsTenantAsync(tenantId, intake => intake.SubmitAsync(submission, CancellationToken.None));

    public Task<IReadOnlyList<RetrievedPassage>> SearchAsync(string tenantId, string query, int k = 5) =>
        Services.GetRequiredService<IKnowledgeRetriever>().RetrieveAsync(tenantId, query, k, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await host.StopAsync(stop.Token);
        }

        host.Dispose();
        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite handle still closing: the temp folder is left to the OS.
        }
    }
}
