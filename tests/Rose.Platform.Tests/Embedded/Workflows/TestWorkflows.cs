using Dapr.Workflow;

namespace Rose.Platform.Tests.Embedded.Workflows;

public sealed class ThreeStepWorkflow : Workflow<string, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, string input)
    {
        var one = await context.CallActivityAsync<string>(nameof(StepOne), input);
        var two = await context.CallActivityAsync<string>(nameof(StepTwo), one);
        return await context.CallActivityAsync<string>(nameof(StepThree), two);
    }
}

public sealed class RetryingWorkflow : Workflow<int, string>
{
    public override Task<string> RunAsync(WorkflowContext context, int maxAttempts) =>
        context.CallActivityAsync<string>(
            nameof(FlakyStep),
            "x",
            new WorkflowTaskOptions(new WorkflowRetryPolicy(maxAttempts, TimeSpan.FromMilliseconds(5), 2.0, TimeSpan.FromMilliseconds(20), null)));
}

/// <summary>Waits for a staff decision, or gives up after the input's number of milliseconds.</summary>
public sealed class ApprovalWorkflow : Workflow<int, string>
{
    public const string Decision = "decision";

    public override async Task<string> RunAsync(WorkflowContext context, int timeoutMs)
    {
        context.SetCustomStatus("waiting");
        try
        {
            return await context.WaitForExternalEventAsync<string>(Decision, TimeSpan.FromMilliseconds(timeoutMs));
        }
        catch (TaskCanceledException)
        {
            return "timed out";
        }
    }
}

public sealed class ParentWorkflow : Workflow<string, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, string input)
    {
        var child = await context.CallChildWorkflowAsync<string>(nameof(ChildWorkflow), input);
        return child + "-parent";
    }
}

public sealed class ChildWorkflow : Workflow<string, string>
{
    public override Task<string> RunAsync(WorkflowContext context, string input) =>
        context.CallActivityAsync<string>(nameof(StepOne), input);
}
