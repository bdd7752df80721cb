namespace Rose.Platform.Tests.Embedded.Workflows;

/// <summary>Holds <see cref="StepTwo"/> until opened; a closed gate is how a test "kills" a workflow mid-way.</summary>
public sealed class StepTwoGate(bool open)
{
    private readonly TaskCompletionSource gate = Opened(open);

    public Task Passed => gate.Task;

    private static TaskCompletionSource Opened(bool open)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (open)
        {
            source.SetResult();
        }

        return source;
    }
}
