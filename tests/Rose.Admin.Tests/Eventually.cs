namespace Rose.Admin.Tests;

/// <summary>Bounded waits for what only a store or the sidecar can answer.</summary>
public static class Eventually
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (!await condition())
        {
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out after {Timeout.TotalSeconds} s waiting for {what}.");
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }
}
