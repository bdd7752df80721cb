using Rose.Knowledge.Retrieval;
using Rose.Platform.Erasure;

namespace Rose.Knowledge;

/// <summary>
/// This process's in-memory index of the tenant (<see cref="KnowledgeIndexCache"/>: its chunks and
/// vectors), in every app that serves searches: the <c>knowledge</c> eraser deletes the stored rows and
/// vectors in one app only, and without this step the other apps (search, on Dapr) would keep the
/// off-boarded tenant's whole index in memory for the rest of their life.
/// </summary>
internal sealed class KnowledgeIndexTenantErasure(KnowledgeIndexCache indexes) : ITenantDataEraser
{
    public string Name => "knowledge-index";

    public bool RunsInEveryApp => true;

    public Task EraseAsync(string tenantId, CancellationToken cancellationToken) => indexes.EvictAsync(tenantId);
}
