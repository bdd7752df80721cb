using Dapr.Workflow;

namespace Rose.Platform.Tests.Embedded.Workflows;

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
