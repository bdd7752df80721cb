using Dapr.Workflow;

namespace Rose.Testing.Tests.Workflows;

/// <summary>One activity that waits for the test, so that its app host can be stopped while it runs.</summary>
public sealed class SlowWorkflow : Workflow<string, string>
{
    public override Task<string> RunAsync(WorkflowContext context, string input) =>
        context.CallActivityAsync<string>(nameof(GatedActivity), input);
}
