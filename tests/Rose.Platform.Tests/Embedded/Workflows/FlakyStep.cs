using Dapr.Workflow;
using Rose.Platform.Tests.Support;

namespace Rose.Platform.Tests.Embedded.Workflows;

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
