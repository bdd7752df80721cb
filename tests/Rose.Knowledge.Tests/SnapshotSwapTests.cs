using Microsoft.Extensions.Logging.Abstractions;
using Rose.Knowledge.Retrieval;
using Xunit;

namespace Rose.Knowledge.Tests;

/// <summary>
/// A tenant's next snapshot is built off the request path and swapped in: searches during a build
/// get the previous snapshot at once; only the very first load is waited for.
/// </summary>
public sealed class SnapshotSwapTests
{
    private readonly Queue<TaskCompletionSource<TenantKnowledgeIndex>> builds = new();
    private int started;

    [Fact]
    public async Task The_first_search_waits_for_the_first_build_and_later_ones_do_not()
    {
        var snapshots = Snapshots();

        var first = snapshots.GetAsync(CancellationToken.None);
        await WaitForBuildAsync(1);
        Assert.False(first.IsCompleted);
        Finish("v1");

        Assert.Equal("v1", Version(await first));
        Assert.True(snapshots.GetAsync(CancellationToken.None).IsCompletedSuccessfully);
        Assert.Equal(1, started);
    }

    [Fact]
    public async Task During_a_rebuild_searches_get_the_previous_snapshot_at_once_then_the_new_one()
    {
        var snapshots = await LoadedAsync("v1");

        var refresh = snapshots.RefreshAsync(CancellationToken.None);
        await WaitForBuildAsync(2);
        var during = snapshots.GetAsync(CancellationToken.None);

        Assert.True(during.IsCompletedSuccessfully);
        Assert.Equal("v1", Version(await during));
        Assert.False(refresh.IsCompleted);
        Finish("v2");
        await refresh;
        Assert.Equal("v2", Version(await snapshots.GetAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task A_change_during_a_build_gets_one_more_build()
    {
        var snapshots = await LoadedAsync("v1");

        var firstChange = snapshots.RefreshAsync(CancellationToken.None);
        await WaitForBuildAsync(2);
        // The build in progress may have read storage before this change committed.
        var secondChange = snapshots.RefreshAsync(CancellationToken.None);
        var thirdChange = snapshots.RefreshAsync(CancellationToken.None);
        Finish("v2");
        await firstChange;
        await WaitForBuildAsync(3);
        Assert.False(secondChange.IsCompleted);
        Finish("v3");
        await Task.WhenAll(secondChange, thirdChange);

        Assert.Equal("v3", Version(await snapshots.GetAsync(CancellationToken.None)));
        Assert.Equal(3, started);
    }

    [Fact]
    public async Task A_failed_rebuild_keeps_the_previous_snapshot_and_the_next_search_tries_again()
    {
        var snapshots = await LoadedAsync("v1");

        var refresh = snapshots.RefreshAsync(CancellationToken.None);
        await WaitForBuildAsync(2);
        Fail();
        await refresh;

        Assert.Equal("v1", Version(await snapshots.GetAsync(CancellationToken.None)));
        await WaitForBuildAsync(3);
        Finish("v2");
        await snapshots.DrainAsync();
        Assert.Equal("v2", Version(await snapshots.GetAsync(CancellationToken.None)));
    }

    private TenantSnapshots Snapshots() => new("acme", _ =>
    {
        var build = new TaskCompletionSource<TenantKnowledgeIndex>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (builds)
        {
            builds.Enqueue(build);
            started++;
        }

        return build.Task;
    }, NullLogger.Instance);

    private async Task<TenantSnapshots> LoadedAsync(string version)
    {
        var snapshots = Snapshots();
        var first = snapshots.GetAsync(CancellationToken.None);
        await WaitForBuildAsync(1);
        Finish(version);
        await first;
        return snapshots;
    }

    private async Task WaitForBuildAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Volatile.Read(ref started) < count)
        {
            await Task.Delay(5, timeout.Token);
        }
    }

    private void Finish(string version) => Next().SetResult(TenantIndexBuilder.Build(
        "acme", [new IndexedChunk("acme:d", "acme:c", version, [], "Doc", null, null)], new float[4], 4, quantize: false));

    private void Fail() => Next().SetException(new InvalidOperationException("storage unavailable"));

    private TaskCompletionSource<TenantKnowledgeIndex> Next()
    {
        lock (builds)
        {
            return builds.Dequeue();
        }
    }

    private static string Version(TenantKnowledgeIndex index) => index.Chunks[0].Text;
}
