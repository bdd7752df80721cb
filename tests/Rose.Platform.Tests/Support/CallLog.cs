using System.Collections.Concurrent;

namespace Rose.Platform.Tests.Support;

/// <summary>Counts calls by name and lets a test await the n-th one. Shared by the hosts of one test.</summary>
public sealed class CallLog
{
    private readonly ConcurrentDictionary<string, int> counts = new();
    private readonly ConcurrentDictionary<(string Name, int Count), TaskCompletionSource> waiters = new();

    public int Count(string name) => counts.GetValueOrDefault(name);

    public void Record(string name)
    {
        var count = counts.AddOrUpdate(name, 1, (_, c) => c + 1);
        for (var n = 1; n <= count; n++)
        {
            Waiter(name, n).TrySetResult();
        }
    }

    /// <summary>Completes when <paramref name="name"/> has been called at least <paramref name="count"/> times.</summary>
    public Task WhenCalled(string name, int count = 1)
    {
        var waiter = Waiter(name, count);
        if (Count(name) >= count)
        {
            waiter.TrySetResult();
        }

        return waiter.Task.Within($"{name} to be called {count} time(s)");
    }

    private TaskCompletionSource Waiter(string name, int count) =>
        waiters.GetOrAdd((name, count), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
