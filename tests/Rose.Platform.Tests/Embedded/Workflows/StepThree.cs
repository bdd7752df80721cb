using Dapr.Workflow;
using Rose.Platform.Tests.Support;

namespace Rose.Platform.Tests.Embedded.Workflows;

public sealed class StepThree(CallLog log) : WorkflowActivity<string, string>
{
    public override Task<string> RunAsync(WorkflowActivityContext context, string input)
    {
        log.Record(nameof(StepThree));
        return Task.FromResult(input + "-3");
    }
}
