namespace Rose.Knowledge.Ingestion;

/// <summary>How far a tenant's knowledge base is loaded, counted from the documents' stored status.</summary>
/// <param name="Total">Every document of the tenant, whatever its status.</param>
/// <param name="Loading">Documents queued or processing: not searchable yet (or searchable in their previous version).</param>
/// <param name="Indexed">Documents whose passages are searchable.</param>
/// <param name="Failed">Documents that could not be loaded.</param>
public sealed record KnowledgeLoadingSnapshot(int Total, int Loading, int Indexed, int Failed)
{
    /// <summary>No document is waiting: what was submitted is indexed or has failed.</summary>
    public bool IsSettled => Loading == 0;

    /// <summary>
    /// The knowledge base is being loaded for the first time: documents are on their way and none
    /// is searchable yet, so an empty search means "not read yet" rather than "not there".
    /// </summary>
    public bool IsFirstLoading => Loading > 0 && Indexed == 0;
}
