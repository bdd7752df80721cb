using Dapr.Workflow;

namespace Rose.Platform.Tests.Embedded.Workflows;

public sealed class RetryingWorkflow : Workflow<int, string>
{
    public override Task<string> RunAsync(WorkflowContext context, int maxAttempts) =>
        context.CallActivityAsync<string>(
            nameof(FlakyStep),
            "x",
            new WorkflowTaskOptions(new WorkflowRetryPolicy(maxAttempts, TimeSpan.FromMilliseconds(5), 2.0, TimeSpan.FromMilliseconds(20), null)));
}
