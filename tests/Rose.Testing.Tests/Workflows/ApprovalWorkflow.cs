using Dapr.Workflow;

namespace Rose.Testing.Tests.Workflows;

/// <summary>Two activities around an external event: what the mesh's engine must replay correctly.</summary>
public sealed class ApprovalWorkflow : Workflow<string, string>
{
    public const string ApprovalEvent = "approval";

    public override async Task<string> RunAsync(WorkflowContext context, string input)
    {
        var prepared = await context.CallActivityAsync<string>(nameof(PrepareActivity), input);
        var approver = await context.WaitForExternalEventAsync<string>(ApprovalEvent);
        return await context.CallActivityAsync<string>(nameof(FinishActivity), $"{prepared} approved by {approver}");
    }
}
