using Dapr.Workflow;

namespace Rose.Platform.Tests.Embedded.Workflows;

public sealed class ParentWorkflow : Workflow<string, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, string input)
    {
        var child = await context.CallChildWorkflowAsync<string>(nameof(ChildWorkflow), input);
        return child + "-parent";
    }
}
