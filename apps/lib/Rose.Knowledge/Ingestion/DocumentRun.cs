namespace Rose.Knowledge.Ingestion;

/// <summary>
/// One loading run of one document: what every loading step takes, ids only. <see cref="RunId"/>
/// (the workflow instance id) keys the data the steps hand each other in the database.
/// </summary>
public sealed record DocumentRun(string TenantId, string DocumentId, string RunId)
{
    public DocumentRef Document => new(TenantId, DocumentId);
}
