using Dapr.Workflow;

namespace Rose.Testing.Tests.Workflows;

public sealed class GatedActivity(ActivityLog log) : WorkflowActivity<string, string>
{
    public override async Task<string> RunAsync(WorkflowActivityContext context, string input)
    {
        log.Ran(nameof(GatedActivity));
        await log.Gate.Task.WaitAsync(TimeSpan.FromSeconds(20));
        return $"done({input})";
    }
}
