using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Rose.Platform.Dapr;
using Rose.Platform.Embedded;
using Rose.Platform.Embedded.PubSub;
using Rose.Platform.PubSub;
using Rose.Platform.State;
using Rose.Platform.Tests.Support;
using Xunit;

namespace Rose.Platform.Tests;

public sealed class PlatformRegistrationTests : IDisposable
{
    private readonly TempDataFolder folder = new();

    [Theory]
    [InlineData(null, typeof(SqliteStateStore), typeof(InProcessOutboxTransport))]
    [InlineData("Embedded", typeof(SqliteStateStore), typeof(InProcessOutboxTransport))]
    [InlineData("dapr", typeof(DaprStateStore), typeof(DaprOutboxTransport))]
    public void Runtime_setting_picks_the_adapters(string? runtime, Type stateStore, Type transport)
    {
        using var services = Services(new() { ["Rose:Runtime"] = runtime, ["Rose:DataPath"] = folder.Path });

        Assert.IsType(stateStore, services.GetRequiredService<IStateStore>());
        // Both runtimes publish through the outbox; only its transport differs.
        Assert.IsType<StagingEventPublisher>(services.GetRequiredService<IEventPublisher>());
        Assert.IsType(transport, services.GetRequiredService<IOutboxTransport>());
    }

    [Fact]
    public void Unknown_runtime_is_refused_at_registration()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Services(new() { ["Rose:Runtime"] = "Kubernetes" }));
        Assert.Contains("Dapr or Embedded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_outbox_settings_stop_the_host_at_start()
    {
        using var host = EmbeddedPlatformHost.Build(folder.Path, (_, _) => { }, new Dictionary<string, string?>
        {
            ["Rose:Platform:Outbox:InitialBackoff"] = "00:01:00",
            ["Rose:Platform:Outbox:MaxBackoff"] = "00:00:01",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("InitialBackoff <= MaxBackoff", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_handlers_with_the_same_subscriber_name_are_refused()
    {
        using var services = Services(new() { ["Rose:DataPath"] = folder.Path }, s =>
        {
            s.AddRoseEventHandler<SampleMessagePosted, RecordingHandler>("same");
            s.AddRoseEventHandler<SampleConversationEnded, FailingHandler>("same");
        });

        Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<SubscriptionCatalog>());
    }

    [Fact]
    public void Cron_job_registered_twice_runs_once_and_a_name_clash_is_refused()
    {
        var services = new ServiceCollection();
        services.AddRoseCronJob<Workflows.WorkflowPurgeJob>(Bindings.CronJobs.WorkflowPurge);
        services.AddRoseCronJob<Workflows.WorkflowPurgeJob>(Bindings.CronJobs.WorkflowPurge);

        Assert.Single(services, d => d.ImplementationInstance is Bindings.CronJobRegistration);
        Assert.Throws<InvalidOperationException>(() =>
            services.AddRoseCronJob<Workflows.WorkflowPurgeJob>(Bindings.CronJobs.WorkflowPurge with { Schedule = "0 0 * * * *" }));
    }

    [Fact]
    public void Outbox_backoff_doubles_up_to_its_cap()
    {
        var outbox = new OutboxOptions { InitialBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(5), BackoffMultiplier = 2 };

        Assert.Equal(
            [1, 2, 4, 5, 5],
            Enumerable.Range(1, 5).Select(n => outbox.BackoffAfter(n).TotalSeconds));
    }

    [Fact]
    public void Outbox_backoff_by_default_grows_like_daprs_exponential_policy()
    {
        var outbox = new OutboxOptions();

        // 500 ms × 1.5^n, capped at 60 s (dapr/kit retry.DefaultConfig without its jitter).
        Assert.Equal(
            [0.5, 0.75, 1.125, 1.6875],
            Enumerable.Range(1, 4).Select(n => outbox.BackoffAfter(n).TotalSeconds));
        Assert.Equal(60, outbox.BackoffAfter(20).TotalSeconds);
    }

    public void Dispose() => folder.Dispose();

    private static ServiceProvider Services(Dictionary<string, string?> settings, Action<IServiceCollection>? more = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddRosePlatform(configuration);
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
