using Dapr.Workflow;

namespace Rose.Testing.Tests.Workflows;

public sealed class PrepareActivity(ActivityLog log) : WorkflowActivity<string, string>
{
    public override Task<string> RunAsync(WorkflowActivityContext context, string input)
    {
        log.Ran(nameof(PrepareActivity));
        return Task.FromResult($"prepared({input})");
    }
}
