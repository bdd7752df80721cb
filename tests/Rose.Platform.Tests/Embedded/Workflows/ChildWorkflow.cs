using Dapr.Workflow;

namespace Rose.Platform.Tests.Embedded.Workflows;

public sealed class ChildWorkflow : Workflow<string, string>
{
    public override Task<string> RunAsync(WorkflowContext context, string input) =>
        context.CallActivityAsync<string>(nameof(StepOne), input);
}
