using Dapr.Workflow;

namespace Rose.Testing.Tests.Workflows;

public sealed class FailingActivity : WorkflowActivity<string, string>
{
    public override Task<string> RunAsync(WorkflowActivityContext context, string input) =>
        throw new InvalidOperationException($"activity failed: {input}");
}
