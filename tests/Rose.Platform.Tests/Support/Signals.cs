namespace Rose.Platform.Tests.Support;

/// <summary>Bounded waits: a test never sleeps, it waits for something to happen or fails after a timeout.</summary>
public static class Signals
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static async Task<T> Within<T>(this Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {Timeout.TotalSeconds} s waiting for {what}.");
        }
    }

    public static async Task Within(this Task task, string what)
    {
        try
        {
            await task.WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {Timeout.TotalSeconds} s waiting for {what}.");
        }
    }

    /// <summary>For conditions only a store can answer (a row appearing): checked every few ms until true or the timeout.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
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
