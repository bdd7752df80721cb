using System.Collections.Concurrent;

namespace Rose.Testing.Tests.Workflows;

/// <summary>Counts activity runs across app host restarts, so a test can tell a replay from a re-execution.</summary>
public sealed class ActivityLog
{
    private readonly ConcurrentDictionary<string, int> runs = new(StringComparer.Ordinal);

    /// <summary>What <see cref="GatedActivity"/> waits for.</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Ran(string activity) => runs.AddOrUpdate(activity, 1, (_, n) => n + 1);

    public int Runs(string activity) => runs.GetValueOrDefault(activity);
}
