using Dapr.Workflow;

namespace Rose.Testing.Tests.Workflows;

/// <summary>A durable timer, then an activity that fails: TimerCreated/TimerFired and TaskFailed on the real worker.</summary>
public sealed class TimerWorkflow : Workflow<int, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, int delayMilliseconds)
    {
        await context.CreateTimer(TimeSpan.FromMilliseconds(delayMilliseconds));
        return await context.CallActivityAsync<string>(nameof(FailingActivity), "boom");
    }
}
