using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rose.Crm.Webhooks;
using Rose.Storage;
using Rose.Tenancy;

namespace Rose.Crm.Tests.Webhooks;

/// <summary>
/// Rose.Crm's webhook services on a real PostgreSQL database with a clock the test moves: the
/// registry, the fan-out and the dispatcher exactly as the worker composes them, without a host.
/// </summary>
public sealed class WebhookModuleHost : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private WebhookModuleHost(ServiceProvider services, FakeTimeProvider clock)
    {
        this.services = services;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public WebhookOptions Options => services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebhookOptions>>().Value;

    public static async Task<WebhookModuleHost> StartAsync(string connectionString, bool allowPrivateAddresses = true)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rose:Storage:Provider"] = "PostgreSql",
            ["Rose:Storage:ConnectionString"] = connectionString,
            ["Rose:Crm:Webhooks:AllowPrivateAddresses"] = allowPrivateAddresses ? "true" : "false",
        }).Build();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddRoseWebhookRegistry(configuration);
        collection.AddScoped<WebhookFanOut>();
        collection.AddScoped<WebhookDispatcher>();
        collection.AddHttpClient(WebhookDispatcher.HttpClientName);
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await provider.GetRequiredService<DatabaseMigrator>().StartAsync(CancellationToken.None);
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TenantAdministration>().CreateAsync(new NewTenant("acme", "Acme"), CancellationToken.None);
        }

        return new WebhookModuleHost(provider, clock);
    }

    /// <summary>Runs <paramref name="work"/> in a fresh scope acting for tenant <c>acme</c>.</summary>
    public async Task<T> AsTenantAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use("acme"))
        {
            return await work(scope.ServiceProvider);
        }
    }

    public async ValueTask DisposeAsync() => await services.DisposeAsync();
}
