using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Dapr;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Rose.Platform;
using Rose.Platform.Dapr;
using Rose.Platform.PubSub;
using Rose.Storage.Outbox;
using Rose.Testing.Dapr.Mesh;
using Xunit;

namespace Rose.Testing.Tests;

/// <summary>Rose.Platform's Dapr adapters, unchanged, against the mesh configured like components/.</summary>
public sealed class RosePlatformAdapterTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly ConcurrentQueue<ConversationClosed> received = new();
    private DaprTestMesh mesh = null!;
    private MeshSidecar searchSidecar = null!;
    private DaprClient search = null!;
    private DaprClient worker = null!;
    private TestApp workerApp = null!;

    public async Task InitializeAsync()
    {
        var options = new DaprTestMeshOptions();
        options.StateStores[0] = new StateStoreComponent(DaprComponents.StateStore, StateStoreComponent.NoPrefix); // components/statestore.yaml
        mesh = await DaprTestMesh.StartAsync(options);
        searchSidecar = await mesh.AddSidecarAsync(AppIds.Search);
        search = Client(searchSidecar);
        var workerSidecar = await mesh.AddSidecarAsync(AppIds.Worker);
        worker = Client(workerSidecar);
        workerApp = await TestApp.StartAsync(workerSidecar, app =>
        {
            app.MapPost("/dapr/topics/conversation.ended", (ConversationClosed e) =>
            {
                received.Enqueue(e);
                return Results.Ok(new TopicRouteResponse("SUCCESS"));
            }).WithTopic(DaprComponents.PubSub, ConversationClosed.Topic);
            app.MapGet("/ping", (HttpContext context) => Results.Text($"pong from {context.Request.Headers["dapr-caller-app-id"]}"));
        });
    }

    public async Task DisposeAsync()
    {
        search.Dispose();
        worker.Dispose();
        await workerApp.DisposeAsync();
        await mesh.DisposeAsync();
    }

    [Fact]
    public async Task DaprOutboxTransport_events_reach_the_subscriber_with_the_event_id_and_type_on_the_cloud_event()
    {
        var closed = new ConversationClosed("acme", "c-1");

        // The row db.StageEvent writes, as the outbox drainer hands it to the transport.
        await new DaprOutboxTransport(search).SendAsync(new OutboxMessage
        {
            TenantId = closed.TenantId,
            EventId = closed.Id.ToString(),
            Topic = Topics.For<ConversationClosed>(),
            PubSubName = Topics.PubSubFor(typeof(ConversationClosed)),
            EventType = nameof(ConversationClosed),
            Payload = JsonSerializer.Serialize(closed, PlatformJson.Options),
        }, default);
        await mesh.PubSub.DrainAsync(Wait);

        var published = Assert.Single(mesh.PubSub.Published);
        Assert.Equal(closed.Id.ToString(), published.Id);
        Assert.Equal(nameof(ConversationClosed), published.CloudEvent["type"]!.GetValue<string>());
        Assert.Equal(AppIds.Search, published.CloudEvent["source"]!.GetValue<string>());
        var delivered = Assert.Single(received);
        Assert.Equal((closed.Id, "acme", "c-1"), (delivered.Id, delivered.TenantId, delivered.ConversationId));
    }

    [Fact]
    public async Task DaprStateStore_state_written_by_search_is_read_and_claimed_by_worker_with_keyPrefix_none()
    {
        var writer = new DaprStateStore(search);
        var reader = new DaprStateStore(worker);
        await writer.SaveAsync("acme", "memory:c-2", new Memory(3));

        var entry = await reader.GetAsync<Memory>("acme", "memory:c-2");
        Assert.Equal(new Memory(3), entry?.Value);
        Assert.True(await reader.TrySaveAsync("acme", "memory:c-2", new Memory(4), entry!.ETag));
        Assert.False(await writer.TrySaveAsync("acme", "memory:c-2", new Memory(5), entry.ETag));
        Assert.Equal(new Memory(4), (await writer.GetAsync<Memory>("acme", "memory:c-2"))?.Value);
    }

    [Fact]
    public async Task DaprBlobStore_puts_and_gets_a_tenants_blob_through_local_storage()
    {
        var blobs = new DaprBlobStore(search, Microsoft.Extensions.Options.Options.Create(new PlatformOptions()));

        await blobs.PutAsync("acme", "geo/faq.html", Encoding.UTF8.GetBytes("<h1>FAQ</h1>"));

        Assert.Equal("<h1>FAQ</h1>", Encoding.UTF8.GetString((await blobs.GetAsync("acme", "geo/faq.html"))!));
        Assert.True(File.Exists(Path.Combine(mesh.BlobRoot(), "acme", "geo", "faq.html")));
        Assert.Null(await blobs.GetAsync("acme", "geo/missing.html"));
        // bindings.localstorage lists absolute paths and ignores a prefix: the adapter maps them back to the tenant's names.
        Assert.Equal(["geo/faq.html"], await blobs.ListAsync("acme"));
        Assert.Empty(await blobs.ListAsync("globex"));
    }

    [Fact]
    public async Task DaprStateStore_create_only_save_of_an_existing_key_reports_false_instead_of_throwing()
    {
        var state = new DaprStateStore(search);

        Assert.True(await state.TrySaveAsync("acme", "claim:e-1", new Memory(1), etag: null));
        // state.redis refuses it with a plain error that daprd answers as Internal (no ETag was given).
        Assert.False(await state.TrySaveAsync("acme", "claim:e-1", new Memory(2), etag: null));
        Assert.Equal(new Memory(1), (await state.GetAsync<Memory>("acme", "claim:e-1"))?.Value);
    }

    [Fact]
    public async Task DaprServiceInvoker_calls_another_app_id_through_the_callers_sidecar()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(searchSidecar.Settings).Build();
        using var invoker = new DaprServiceInvoker(configuration);

        var answer = await invoker.CreateClient(AppIds.Worker).GetStringAsync(new Uri("/ping", UriKind.Relative));

        Assert.Equal("pong from search", answer);
    }

    private static DaprClient Client(MeshSidecar sidecar) =>
        new DaprClientBuilder().UseGrpcEndpoint(sidecar.GrpcEndpoint).UseHttpEndpoint(sidecar.HttpEndpoint).Build();

    [EventTopic(Topic)]
    public sealed record ConversationClosed(string TenantId, string ConversationId) : IntegrationEvent(TenantId)
    {
        public const string Topic = "conversation.ended";
    }

    public sealed record Memory(int Turns);
}
