using Dapr;
using Dapr.Client;
using Rose.Testing.Dapr.Mesh;
using StackExchange.Redis;
using Xunit;

namespace Rose.Testing.Tests;

/// <summary>The mesh's state API on a real redis-server, running components-contrib state/redis's scripts.</summary>
public sealed class RedisStateTests : IClassFixture<RedisServer>, IAsyncLifetime
{
    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };
    private readonly RedisServer redis;
    private DaprTestMesh mesh = null!;
    private DaprClient search = null!;
    private DaprClient worker = null!;
    private ConnectionMultiplexer direct = null!;

    public RedisStateTests(RedisServer redis) => this.redis = redis;

    public async Task InitializeAsync()
    {
        var options = new DaprTestMeshOptions { RedisConnectionString = redis.ConnectionString };
        options.StateStores.Add(new StateStoreComponent("shared", StateStoreComponent.NoPrefix));
        mesh = await DaprTestMesh.StartAsync(options);
        search = Client(await mesh.AddSidecarAsync("search"));
        worker = Client(await mesh.AddSidecarAsync("worker"));
        direct = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        search.Dispose();
        worker.Dispose();
        await direct.DisposeAsync();
        await mesh.DisposeAsync();
    }

    [Fact]
    public async Task TrySaveStateAsync_refuses_a_stale_etag_and_accepts_the_current_one()
    {
        var key = Unique("cart");
        await search.SaveStateAsync("statestore", key, new Cart(1));
        var (_, etag) = await search.GetStateAndETagAsync<Cart>("statestore", key);

        Assert.True(await search.TrySaveStateAsync("statestore", key, new Cart(2), etag, FirstWrite));
        Assert.False(await search.TrySaveStateAsync("statestore", key, new Cart(3), etag, FirstWrite));
        var (stored, newEtag) = await search.GetStateAndETagAsync<Cart>("statestore", key);
        Assert.Equal(new Cart(2), stored);
        Assert.NotEqual(etag, newEtag);
    }

    [Fact]
    public async Task SaveStateAsync_prefixes_keys_with_the_app_id_unless_the_store_says_none()
    {
        var key = Unique("memory");
        await search.SaveStateAsync("statestore", key, new Cart(5));
        await search.SaveStateAsync("shared", key, new Cart(6));

        Assert.True(await direct.GetDatabase().KeyExistsAsync($"search||{key}"));
        Assert.Equal("1", (string?)await direct.GetDatabase().HashGetAsync(key, "version"));
        Assert.Null(await worker.GetStateAsync<Cart>("statestore", key)); // another app-id's prefix
        Assert.Equal(new Cart(6), await worker.GetStateAsync<Cart>("shared", key));
    }

    [Fact]
    public async Task SaveStateAsync_with_ttlInSeconds_expires_the_key()
    {
        var key = Unique("session");
        await search.SaveStateAsync("statestore", key, new Cart(7), metadata: new Dictionary<string, string> { ["ttlInSeconds"] = "1" });

        Assert.Equal(new Cart(7), await search.GetStateAsync<Cart>("statestore", key));
        var ttl = await direct.GetDatabase().KeyTimeToLiveAsync($"search||{key}");
        Assert.InRange(ttl!.Value, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        await Eventually.UntilAsync(async () => await search.GetStateAsync<Cart>("statestore", key) is null, TimeSpan.FromSeconds(5), "the key to expire");
    }

    [Fact]
    public async Task A_create_only_save_fails_without_etag_once_the_key_was_first_written()
    {
        var key = Unique("claim");
        Assert.True(await search.TrySaveStateAsync("statestore", key, new Cart(1), string.Empty, FirstWrite));

        // state/redis refuses it in its script; daprd reports an error without ETag as Internal, not Aborted.
        await Assert.ThrowsAsync<DaprException>(() => search.TrySaveStateAsync("statestore", key, new Cart(2), string.Empty, FirstWrite));
        Assert.Equal(new Cart(1), await search.GetStateAsync<Cart>("statestore", key));
    }

    [Fact]
    public async Task TryDeleteStateAsync_refuses_a_stale_etag()
    {
        var key = Unique("lock");
        await search.SaveStateAsync("statestore", key, new Cart(1));
        var (_, etag) = await search.GetStateAndETagAsync<Cart>("statestore", key);
        await search.SaveStateAsync("statestore", key, new Cart(2));

        Assert.False(await search.TryDeleteStateAsync("statestore", key, etag, FirstWrite));
        var (_, current) = await search.GetStateAndETagAsync<Cart>("statestore", key);
        Assert.True(await search.TryDeleteStateAsync("statestore", key, current, FirstWrite));
        Assert.Null(await search.GetStateAsync<Cart>("statestore", key));
    }

    [Fact]
    public async Task GetBulkStateAsync_answers_the_keys_as_asked_with_their_etags()
    {
        var (a, b) = (Unique("a"), Unique("b"));
        await search.SaveStateAsync("statestore", a, new Cart(1));

        var items = await search.GetBulkStateAsync("statestore", [a, b], parallelism: null);

        Assert.Equal([a, b], items.Select(i => i.Key));
        Assert.Equal("1", items[0].ETag);
        Assert.True(string.IsNullOrEmpty(items[1].Value));
    }

    private static DaprClient Client(MeshSidecar sidecar) =>
        new DaprClientBuilder().UseGrpcEndpoint(sidecar.GrpcEndpoint).UseHttpEndpoint(sidecar.HttpEndpoint).Build();

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}";

    public sealed record Cart(int Items);
}
