using Dapr.Workflow;

namespace Rose.Testing.Tests.Workflows;

public sealed class FinishActivity(ActivityLog log) : WorkflowActivity<string, string>
{
    public override Task<string> RunAsync(WorkflowActivityContext context, string input)
    {
        log.Ran(nameof(FinishActivity));
        return Task.FromResult($"finished({input})");
    }
}
