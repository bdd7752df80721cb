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
