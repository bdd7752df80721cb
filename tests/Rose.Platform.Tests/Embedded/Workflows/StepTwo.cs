using Dapr.Workflow;
using Rose.Platform.Tests.Support;

namespace Rose.Platform.Tests.Embedded.Workflows;

public sealed class StepTwo(CallLog log, StepTwoGate gate) : WorkflowActivity<string, string>
{
    public override async Task<string> RunAsync(WorkflowActivityContext context, string input)
    {
        log.Record(nameof(StepTwo));
        await gate.Passed;
        return input + "-2";
    }
}
