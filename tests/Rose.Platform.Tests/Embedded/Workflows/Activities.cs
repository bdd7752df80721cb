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

public sealed class StepTwo(CallLog log, StepTwoGate gate) : WorkflowActivity<string, string>
{
    public override async Task<string> RunAsync(WorkflowActivityContext context, string input)
    {
        log.Record(nameof(StepTwo));
        await gate.Passed;
        return input + "-2";
    }
}

public sealed class StepThree(CallLog log) : WorkflowActivity<string, string>
{
    public override Task<string> RunAsync(WorkflowActivityContext context, string input)
    {
        log.Record(nameof(StepThree));
        return Task.FromResult(input + "-3");
    }
}

/// <summary>Fails its first two calls.</summary>
public sealed class FlakyStep(CallLog log) : WorkflowActivity<string, string>
{
    public override Task<string> RunAsync(WorkflowActivityContext context, string input)
    {
        log.Record(nameof(FlakyStep));
        return log.Count(nameof(FlakyStep)) <= 2
            ? throw new HttpRequestException("provider unavailable")
            : Task.FromResult(input + "-flaky");
    }
}
