using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rose.Platform.PubSub;
using Rose.Platform.Tests.Support;
using Rose.Testing.Dapr;
using Xunit;

namespace Rose.Platform.Tests.Delivery;

/// <summary>
/// The idempotent consumer on both state stores: the embedded SQLite store and the Dapr state API
/// (a real DaprClient against the fake sidecar, which keeps Dapr's first-write-wins ETags).
/// </summary>
public sealed class HandledEventsTests : IAsyncLifetime
{
    private readonly TempDataFolder folder = new();
    private FakeDaprSidecar sidecar = null!;
    private ServiceProvider embedded = null!;
    private ServiceProvider dapr = null!;

    public static TheoryData<string> Runtimes => new() { "Embedded", "Dapr" };

    public async Task InitializeAsync()
    {
        sidecar = await FakeDaprSidecar.StartAsync();
        embedded = Build(new Dictionary<string, string?> { ["Rose:Runtime"] = "Embedded", ["Rose:DataPath"] = folder.Path });
        dapr = Build(new Dictionary<string, string?>(sidecar.Settings) { ["Rose:Runtime"] = "Dapr" });
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task HandleOnceAsync_runs_the_handler_once_when_two_deliveries_arrive_at_once(string runtime)
    {
        var handled = Services(runtime).GetRequiredService<HandledEvents>();
        var eventId = Guid.NewGuid().ToString();
        var sideEffects = 0;
        var firstIsRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var letFirstFinish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = handled.HandleOnceAsync("acme", "Tagger", eventId, async _ =>
        {
            Interlocked.Increment(ref sideEffects);
            firstIsRunning.SetResult();
            await letFirstFinish.Task;
        }, CancellationToken.None);
        await firstIsRunning.Task.Within("the first delivery's handler");
        var second = await handled.HandleOnceAsync("acme", "Tagger", eventId, _ =>
        {
            Interlocked.Increment(ref sideEffects);
            return Task.CompletedTask;
        }, CancellationToken.None).Within("the second delivery");
        letFirstFinish.SetResult();

        Assert.Equal(HandleOnceResult.InProgressElsewhere, second);
        Assert.Equal(HandleOnceResult.Handled, await first.Within("the first delivery"));
        Assert.Equal(1, sideEffects);
        Assert.Equal(HandleOnceResult.AlreadyHandled, await handled.HandleOnceAsync("acme", "Tagger", eventId, _ => throw new InvalidOperationException("must not run"), CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task HandleOnceAsync_releases_the_claim_when_the_handler_fails_so_the_retry_runs(string runtime)
    {
        var handled = Services(runtime).GetRequiredService<HandledEvents>();
        var eventId = Guid.NewGuid().ToString();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            handled.HandleOnceAsync("acme", "Tagger", eventId, _ => throw new InvalidOperationException("scoring is down"), CancellationToken.None));
        var retried = await handled.HandleOnceAsync("acme", "Tagger", eventId, _ => Task.CompletedTask, CancellationToken.None);

        Assert.Equal(HandleOnceResult.Handled, retried);
        Assert.True(await handled.WasHandledAsync("acme", "Tagger", eventId, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Runtimes))]
    public async Task HandleOnceAsync_keeps_subscribers_and_tenants_apart(string runtime)
    {
        var handled = Services(runtime).GetRequiredService<HandledEvents>();
        var eventId = Guid.NewGuid().ToString();

        await handled.HandleOnceAsync("acme", "Tagger", eventId, _ => Task.CompletedTask, CancellationToken.None);

        Assert.Equal(HandleOnceResult.Handled, await handled.HandleOnceAsync("acme", "Scorer", eventId, _ => Task.CompletedTask, CancellationToken.None));
        Assert.Equal(HandleOnceResult.Handled, await handled.HandleOnceAsync("globex", "Tagger", eventId, _ => Task.CompletedTask, CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        await embedded.DisposeAsync();
        await dapr.DisposeAsync();
        await sidecar.DisposeAsync();
        folder.Dispose();
    }

    private ServiceProvider Services(string runtime) => runtime == "Dapr" ? dapr : embedded;

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddRosePlatform(configuration)
            .BuildServiceProvider();
    }
}
