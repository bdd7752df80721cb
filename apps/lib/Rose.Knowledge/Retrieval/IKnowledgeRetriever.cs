namespace Rose.Knowledge.Retrieval;

/// <summary>Finds the passages of one tenant's knowledge base that answer a question; never crosses tenants.</summary>
public interface IKnowledgeRetriever
{
    /// <returns>At most <paramref name="k"/> passages, best first; empty when the tenant has no knowledge.</returns>
    Task<IReadOnlyList<RetrievedPassage>> RetrieveAsync(string tenantId, string query, int k, CancellationToken cancellationToken);
}
