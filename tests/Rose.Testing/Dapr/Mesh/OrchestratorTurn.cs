using Dapr.DurableTask.Protobuf;

namespace Rose.Testing.Dapr.Mesh;

/// <summary>An orchestrator work item handed to a worker and not answered yet, with the new events it carried.</summary>
internal sealed record OrchestratorTurn(string Token, WorkItemStream Stream, IReadOnlyList<HistoryEvent> NewEvents);
