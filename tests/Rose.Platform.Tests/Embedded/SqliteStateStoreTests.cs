using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Rose.Platform.Embedded;
using Rose.Platform.Tests.Support;
using Xunit;

namespace Rose.Platform.Tests.Embedded;

public sealed class SqliteStateStoreTests : IDisposable
{
    private readonly TempDataFolder folder = new();
    private readonly FakeTimeProvider time = new(DateTimeOffset.Parse("2026-11-25T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly SqliteStateStore store;

    public SqliteStateStoreTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Rose:DataPath"] = folder.Path }).Build();
        store = new SqliteStateStore(new PlatformDatabase(configuration), time);
    }

    [Fact]
    public async Task TrySave_rejects_a_stale_etag_and_leaves_the_value_unchanged()
    {
        await store.SaveAsync("acme", "session", new Session("v1"));
        var read = (await store.GetAsync<Session>("acme", "session"))!;
        Assert.True(await store.TrySaveAsync("acme", "session", new Session("v2"), read.ETag));

        var stale = await store.TrySaveAsync("acme", "session", new Session("v3"), read.ETag);

        Assert.False(stale);
        var current = (await store.GetAsync<Session>("acme", "session"))!;
        Assert.Equal("v2", current.Value.Step);
        Assert.NotEqual(read.ETag, current.ETag);
    }

    [Fact]
    public async Task TrySave_without_etag_only_creates_a_missing_key()
    {
        Assert.True(await store.TrySaveAsync("acme", "lock", new Session("first"), etag: null));
        Assert.False(await store.TrySaveAsync("acme", "lock", new Session("second"), etag: null));
        Assert.Equal("first", (await store.GetAsync<Session>("acme", "lock"))!.Value.Step);
    }

    [Fact]
    public async Task Expired_key_reads_as_missing_and_can_be_created_again()
    {
        await store.SaveAsync("acme", "memory", new Session("short"), TimeSpan.FromMinutes(5));
        Assert.NotNull(await store.GetAsync<Session>("acme", "memory"));

        time.Advance(TimeSpan.FromMinutes(5));

        Assert.Null(await store.GetAsync<Session>("acme", "memory"));
        Assert.True(await store.TrySaveAsync("acme", "memory", new Session("again"), etag: null));
    }

    [Fact]
    public async Task DeleteExpired_removes_only_expired_rows()
    {
        await store.SaveAsync("acme", "short", new Session("s"), TimeSpan.FromMinutes(1));
        await store.SaveAsync("acme", "long", new Session("l"), TimeSpan.FromHours(1));
        await store.SaveAsync("acme", "forever", new Session("f"));
        time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(1, await store.DeleteExpiredAsync(CancellationToken.None));
        Assert.Equal(["forever", "long"], (await store.GetBulkAsync<Session>("acme", ["short", "long", "forever"])).Keys.Order());
    }

    [Fact]
    public async Task Keys_of_one_tenant_are_invisible_to_another()
    {
        await store.SaveAsync("acme", "session", new Session("acme's"));

        Assert.Null(await store.GetAsync<Session>("globex", "session"));
        Assert.Empty(await store.GetBulkAsync<Session>("globex", ["session"]));
        Assert.False(await store.TrySaveAsync("globex", "session", new Session("stolen"), "1"));
        Assert.Equal("acme's", (await store.GetAsync<Session>("acme", "session"))!.Value.Step);
    }

    [Fact]
    public async Task GetBulk_returns_the_keys_that_exist()
    {
        await store.SaveAsync("acme", "a", new Session("A"));
        await store.SaveAsync("acme", "b", new Session("B"));

        var found = await store.GetBulkAsync<Session>("acme", ["a", "b", "missing"]);

        Assert.Equal(["a", "b"], found.Keys.Order());
        Assert.Equal("B", found["b"].Value.Step);
    }

    [Fact]
    public async Task Delete_with_a_stale_etag_keeps_the_key()
    {
        await store.SaveAsync("acme", "k", new Session("1"));
        var first = (await store.GetAsync<Session>("acme", "k"))!;
        await store.SaveAsync("acme", "k", new Session("2"));

        Assert.False(await store.DeleteAsync("acme", "k", first.ETag));
        Assert.NotNull(await store.GetAsync<Session>("acme", "k"));
        Assert.True(await store.DeleteAsync("acme", "k"));
        Assert.Null(await store.GetAsync<Session>("acme", "k"));
    }

    [Fact]
    public async Task Invalid_tenant_id_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync("ACME:evil", "k", new Session("x")));
    }

    public void Dispose() => folder.Dispose();

    private sealed record Session(string Step);
}
