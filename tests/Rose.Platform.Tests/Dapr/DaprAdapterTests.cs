using System.Text;
using System.Text.Json;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rose.Platform.Bindings;
using Rose.Platform.Invocation;
using Rose.Platform.PubSub;
using Rose.Platform.Tests.Support;
using Rose.Platform.State;
using Rose.Storage;
using Rose.Testing.Dapr;
using Xunit;

namespace Rose.Platform.Tests.Dapr;

/// <summary>The Dapr adapters with a real DaprClient against a fake sidecar: the exact requests Rose sends.</summary>
public sealed class DaprAdapterTests : IAsyncLifetime
{
    private const string ApiToken = "sidecar-token-for-tests";
    private readonly TempDataFolder folder = new();
    private FakeDaprSidecar sidecar = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        sidecar = await FakeDaprSidecar.StartAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(sidecar.Settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Rose:Runtime"] = "Dapr", ["DAPR_API_TOKEN"] = ApiToken, ["Rose:DataPath"] = folder.Path })
            .Build();
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddRosePlatform(configuration)
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(default);
    }

    [Fact]
    public async Task Publish_is_drained_to_the_pubsub_component_and_topic_as_json_with_its_id()
    {
        var ended = new SampleConversationEnded("acme", "c-7", DateTimeOffset.Parse("2026-11-25T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), "idle");

        await services.GetRequiredService<IEventPublisher>().PublishAsync(ended);
        Assert.Empty(sidecar.Runtime.Published);
        await services.GetRequiredService<OutboxDrainer>().DrainOnceAsync(default);

        var request = Assert.Single(sidecar.Runtime.Published);
        Assert.Equal("pubsub", request.PubsubName);
        Assert.Equal("sample.ended", request.Topic);
        Assert.Equal("application/json", request.DataContentType);
        Assert.Equal(ended.Id.ToString(), request.Metadata["cloudevent.id"]);
        Assert.Equal(nameof(SampleConversationEnded), request.Metadata["cloudevent.type"]);
        using var data = JsonDocument.Parse(request.Data.ToStringUtf8());
        Assert.Equal("acme", data.RootElement.GetProperty("tenantId").GetString());
        Assert.Equal("c-7", data.RootElement.GetProperty("conversationId").GetString());
        Assert.Equal(ended.Id, data.RootElement.GetProperty("id").GetGuid());
        Assert.Equal(ApiToken, sidecar.Runtime.ApiTokens.Last());
    }

    [Fact]
    public async Task Save_writes_the_tenant_key_to_the_state_store_with_a_ttl()
    {
        await services.GetRequiredService<IStateStore>().SaveAsync("acme", "conversation:c-7", new Memory("hello"), TimeSpan.FromMinutes(5));

        var request = Assert.Single(sidecar.Runtime.Saved);
        Assert.Equal("statestore", request.StoreName);
        var item = Assert.Single(request.States);
        Assert.Equal("acme:conversation:c-7", item.Key);
        Assert.Equal("300", item.Metadata["ttlInSeconds"]);
        Assert.Equal("hello", JsonDocument.Parse(item.Value.ToStringUtf8()).RootElement.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task TrySave_sends_the_etag_first_write_wins_and_a_stale_etag_is_rejected()
    {
        var state = services.GetRequiredService<IStateStore>();
        await state.SaveAsync("acme", "session", new Memory("v1"));
        var read = (await state.GetAsync<Memory>("acme", "session"))!;
        Assert.Equal("v1", read.Value.Summary);

        Assert.True(await state.TrySaveAsync("acme", "session", new Memory("v2"), read.ETag));
        Assert.False(await state.TrySaveAsync("acme", "session", new Memory("v3"), read.ETag));

        var sent = sidecar.Runtime.Saved.Last().States[0];
        Assert.Equal(read.ETag, sent.Etag.Value);
        Assert.Equal(StateOptions.Types.StateConcurrency.ConcurrencyFirstWrite, sent.Options.Concurrency);
        Assert.Equal("v2", (await state.GetAsync<Memory>("acme", "session"))!.Value.Summary);
    }

    [Fact]
    public async Task GetBulk_asks_for_tenant_keys_and_returns_callers_keys()
    {
        var state = services.GetRequiredService<IStateStore>();
        await state.SaveAsync("acme", "a", new Memory("A"));

        var found = await state.GetBulkAsync<Memory>("acme", ["a", "missing"]);

        Assert.Equal("A", Assert.Single(found).Value.Value.Summary);
        Assert.Equal("a", found.Keys.Single());
    }

    [Fact]
    public async Task Invocation_goes_through_the_sidecar_to_the_app_id_with_the_api_token()
    {
        using var client = services.GetRequiredService<IServiceInvoker>().CreateClient(AppIds.Worker);

        using var response = await client.PostAsync("jobs/reindex?tenant=acme", new StringContent("{}", Encoding.UTF8, "application/json"));

        response.EnsureSuccessStatusCode();
        var call = Assert.Single(sidecar.Invocations);
        Assert.Equal(("POST", "worker", "jobs/reindex", "{}", ApiToken), (call.HttpMethod, call.AppId, call.Method, call.Body, call.ApiToken));
    }

    [Fact]
    public void Invocation_refuses_an_unknown_app_id()
    {
        Assert.Throws<ArgumentException>(() => services.GetRequiredService<IServiceInvoker>().CreateClient("billing"));
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await sidecar.DisposeAsync();
        folder.Dispose();
    }

    private sealed record Memory(string Summary);
}
