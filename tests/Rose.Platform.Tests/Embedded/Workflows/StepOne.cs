using Dapr.Workflow;
using Rose.Platform.Tests.Support;

namespace Rose.Platform.Tests.Embedded.Workflows;

public sealed class StepOne(CallLog log) : WorkflowActivity<string, string>
{
    public override Task<string> RunAsync(WorkflowActivityContext context, string input)
    {
        log.Record(nameof(StepOne));
        return Task.FromResult(input + "-1");
    }
}
