namespace Rose.Platform.Embedded;

/// <summary>
/// Waiting until a point in time, however far: <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/>
/// refuses waits beyond about 49 days, so long waits go in slices.
/// </summary>
internal static class Delays
{
    private static readonly TimeSpan Slice = TimeSpan.FromDays(1);

    public static async Task UntilAsync(DateTimeOffset due, TimeProvider time, CancellationToken cancellationToken)
    {
        for (var left = due - time.GetUtcNow(); left > TimeSpan.Zero; left = due - time.GetUtcNow())
        {
            await Task.Delay(left < Slice ? left : Slice, time, cancellationToken);
        }
    }
}
