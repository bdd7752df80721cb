using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rose.Llm.Accounting;
using Rose.Llm.Answering;
using Rose.Llm.Embeddings;
using Rose.Llm.Resilience;
using Rose.Llm.Routing;
using Rose.Storage;

namespace Rose.Llm.Tests.Support;

/// <summary>
/// The module as an app composes it (<c>AddRoseLlm</c>), on a fresh SQLite file with migrations
/// applied, the shared MiniLM embedder and, where a test needs it, a fake clock.
/// </summary>
internal sealed class LlmTestHost : IAsyncDisposable
{
    private readonly string folder;

    private LlmTestHost(ServiceProvider services, string folder)
    {
        Services = services;
        this.folder = folder;
    }

    public ServiceProvider Services { get; }

    public ILlmRouter Router => Services.GetRequiredService<ILlmRouter>();

    public IAnswerGenerator Answers => Services.GetRequiredService<IAnswerGenerator>();

    public ILlmUsageLedger Ledger => Services.GetRequiredService<ILlmUsageLedger>();

    public CircuitBreakerRegistry Breakers => Services.GetRequiredService<CircuitBreakerRegistry>();

    public static async Task<LlmTestHost> StartAsync(IDictionary<string, string?> settings, TimeProvider? time = null, ILoggerProvider? logs = null)
    {
        var folder = Directory.CreateTempSubdirectory("rose-llm-").FullName;
        var all = new Dictionary<string, string?>(TestSettings.FastResilience)
        {
            ["Rose:Storage:Provider"] = "Sqlite",
            ["Rose:Storage:ConnectionString"] = $"Data Source={Path.Combine(folder, "rose.db")};Pooling=false",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var collection = new ServiceCollection().AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        if (time is not null)
        {
            collection.AddSingleton(time);
        }

        collection.AddSingleton(SharedEmbedder.Instance);
        collection.AddRoseLlm(configuration);
        var services = collection.BuildServiceProvider(validateScopes: true);
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new LlmTestHost(services, folder);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; the temp folder is cleaned by the OS.
        }
    }
}
