namespace Rose.Platform.Embedded.Workflows;

/// <summary>
/// Wakes the waits of one instance when an event is raised. A waiter takes <see cref="Next"/>
/// before looking at the journal, so an event raised in between is never missed.
/// </summary>
internal sealed class ExternalEventSignal
{
    private TaskCompletionSource current = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next => Volatile.Read(ref current).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref current, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
