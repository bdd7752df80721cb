using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rose.Knowledge.Ingestion;
using Rose.Knowledge.Retrieval;
using Rose.Llm.Embeddings;
using Rose.Storage;

namespace Rose.Knowledge.Tests.Fixtures;

/// <summary>The knowledge module as the apps register it, on one database, with loading run inline.</summary>
public sealed class KnowledgeTestHost : IAsyncDisposable
{
    private KnowledgeTestHost(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public InlineDocumentLoadingScheduler Scheduler => Services.GetRequiredService<InlineDocumentLoadingScheduler>();

    /// <param name="configure">Changes to the composition (another embedder, Rose.Llm), made after <c>AddRoseKnowledge</c>.</param>
    public static async Task<KnowledgeTestHost> StartAsync(
        StorageProvider provider, string connectionString, IDictionary<string, string?>? settings = null, Action<IServiceCollection, IConfiguration>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Rose:Storage:Provider"] = provider.ToString(),
            ["Rose:Storage:ConnectionString"] = connectionString,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection().AddLogging();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddSingleton<ITextEmbedder>(SharedEmbedder.Instance);
        collection.AddRoseKnowledge(configuration);
        configure?.Invoke(collection, configuration);
        collection.AddSingleton<InlineDocumentLoadingScheduler>();
        collection.Replace(ServiceDescriptor.Singleton<IDocumentLoadingScheduler>(sp => sp.GetRequiredService<InlineDocumentLoadingScheduler>()));
        var services = collection.BuildServiceProvider(validateScopes: true);
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new KnowledgeTestHost(services);
    }

    /// <summary>Runs <paramref name="action"/> with the intake of <paramref name="tenantId"/>.</summary>
    public async Task<T> AsTenantAsync<T>(string tenantId, Func<DocumentIntake, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
        return await action(scope.ServiceProvider.GetRequiredService<DocumentIntake>());
    }

    public Task<DocumentView> SubmitAsync(string tenantId, DocumentSubmission submission) =>
        AsTenantAsync(tenantId, intake => intake.SubmitAsync(submission, CancellationToken.None));

    public Task<IReadOnlyList<RetrievedPassage>> SearchAsync(string tenantId, string query, int k = 5) =>
        Services.GetRequiredService<IKnowledgeRetriever>().RetrieveAsync(tenantId, query, k, CancellationToken.None);

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();
}
