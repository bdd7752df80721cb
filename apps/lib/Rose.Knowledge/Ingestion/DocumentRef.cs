namespace Rose.Knowledge.Ingestion;

/// <summary>The document a loading run is about; every step gets the tenant explicitly.</summary>
public sealed record DocumentRef(string TenantId, string DocumentId);
