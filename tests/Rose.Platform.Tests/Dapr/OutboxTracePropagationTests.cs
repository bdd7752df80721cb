using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rose.Platform.PubSub;
using Rose.Platform.Tests.Support;
using Rose.Storage;
using Rose.Testing.Dapr;
using Rose.Testing.Dapr.Mesh;
using Xunit;

namespace Rose.Platform.Tests.Dapr;

/// <summary>
/// An event staged inside a traced operation (a chat turn) is published by the background drainer in
/// that operation's trace: the sidecar puts the call's traceparent into the CloudEvent and sends it with
/// the delivery, and the subscriber's handling carries the same trace id.
/// </summary>
public sealed class OutboxTracePropagationTests : IAsyncLifetime
{
    private static readonly ActivitySource TestSource = new("Rose.Tests.Turn");
    private readonly ConcurrentQueue<Activity> stopped = new();
    private readonly ActivityListener listener;
    private DaprTestMesh mesh = null!;
    private SidecarFacingApp worker = null!;

    public OutboxTracePropagationTests()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public async Task InitializeAsync()
    {
        mesh = await DaprTestMesh.StartAsync();
        var workerSidecar = await mesh.AddSidecarAsync("worker", appApiToken: "worker-token");
        worker = await SidecarFacingApp.StartAsync(
            workerSidecar.Settings.Where(s => s.Key != "urls").ToDictionary(s => s.Key, s => s.Value),
            (services, _) =>
            {
                services.AddSingleton<TraceRecordingHandler.Seen>();
                services.AddRoseEventHandler<SampleMessagePosted, TraceRecordingHandler>();
            });
        workerSidecar.ConnectApp(worker.Address);
    }

    [Fact]
    public async Task DrainOnceAsync_publishes_in_the_trace_that_staged_the_event_and_the_subscriber_handles_it_there()
    {
        var searchSidecar = await mesh.AddSidecarAsync("search");
        using var folder = new TempDataFolder();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(searchSidecar.Settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Rose:Runtime"] = "Dapr", ["Rose:DataPath"] = folder.Path })
            .Build();
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddRosePlatform(configuration).BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(default);

        ActivityTraceId turnTrace;
        using (var turn = TestSource.StartActivity("chat.turn"))
        {
            Assert.NotNull(turn);
            turnTrace = turn.TraceId;
            await services.GetRequiredService<IEventPublisher>().PublishAsync(Messages.Posted("acme", "c-traced"));
        }

        // The drainer runs outside the turn, as the background service does.
        Assert.Null(Activity.Current);
        await services.GetRequiredService<OutboxDrainer>().DrainOnceAsync(default);
        await mesh.PubSub.DrainAsync(TimeSpan.FromSeconds(10));

        var published = Assert.Single(mesh.PubSub.Published, e => e.Topic == SampleTopics.ConversationMessage);
        var traceParent = published.CloudEvent["traceparent"]?.GetValue<string>();
        Assert.NotNull(traceParent);
        Assert.Equal(turnTrace, ActivityContext.Parse(traceParent, null).TraceId);
        Assert.Contains(stopped, a => a.OperationName == $"publish {SampleTopics.ConversationMessage}" && a.TraceId == turnTrace && a.Kind == ActivityKind.Producer);
        var seen = worker.Services.GetRequiredService<TraceRecordingHandler.Seen>();
        Assert.Equal([turnTrace], seen.TraceIds.Where(t => t.ConversationId == "c-traced").Select(t => t.TraceId));
    }

    public async Task DisposeAsync()
    {
        listener.Dispose();
        await worker.DisposeAsync();
        await mesh.DisposeAsync();
    }

    private sealed class TraceRecordingHandler(TraceRecordingHandler.Seen seen) : IIntegrationEventHandler<SampleMessagePosted>
    {
        public Task HandleAsync(SampleMessagePosted integrationEvent, CancellationToken cancellationToken)
        {
            seen.TraceIds.Enqueue((integrationEvent.ConversationId, Activity.Current?.TraceId ?? default));
            return Task.CompletedTask;
        }

        public sealed class Seen
        {
            public ConcurrentQueue<(string ConversationId, ActivityTraceId TraceId)> TraceIds { get; } = new();
        }
    }
}
