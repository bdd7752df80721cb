using Dapr.Workflow;
using Dapr.Workflow.Abstractions;

namespace Rose.Platform.Embedded.Workflows;

/// <summary>What an activity sees of its call on the embedded runner.</summary>
internal sealed class EmbeddedActivityContext(string name, string instanceId, int sequence) : WorkflowActivityContext
{
    public override TaskIdentifier Identifier { get; } = new(name);

    public override string TaskExecutionKey { get; } = $"{instanceId}::{sequence}";

    public override string InstanceId { get; } = instanceId;
}
