using System.Threading.Channels;
using Dapr.DurableTask.Protobuf;

namespace Rose.Testing.Dapr.Mesh;

/// <summary>One open <c>GetWorkItems</c> call of a worker: the engine writes work items, the call forwards them.</summary>
internal sealed class WorkItemStream(string replicaId)
{
    public string ReplicaId { get; } = replicaId;

    public Channel<WorkItem> Items { get; } = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = true });
}
