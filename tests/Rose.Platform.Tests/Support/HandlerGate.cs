namespace Rose.Platform.Tests.Support;

/// <summary>Holds a handler inside its side effect until the test lets it finish, so a second delivery can arrive meanwhile.</summary>
public sealed class HandlerGate
{
    private int sideEffects;

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int SideEffects => Volatile.Read(ref sideEffects);

    public async Task PassAsync()
    {
        Interlocked.Increment(ref sideEffects);
        Entered.TrySetResult();
        await Release.Task;
    }
}
