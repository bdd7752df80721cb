namespace Rose.Knowledge.Retrieval;

/// <summary>Finds the passages of one tenant's knowledge base that answer a question; never crosses tenants.</summary>
public interface IKnowledgeRetriever
{
    /// <returns>At most <paramref name="k"/> passages, best first; empty when the tenant has no knowledge.</returns>
    Task<IReadOnlyList<RetrievedPassage>> RetrieveAsync(string tenantId, string query, int k, CancellationToken cancellationToken);

    /// <summary>
    /// The same with the query already embedded by the caller (with the retriever's embedder), who
    /// reuses the vector for the rest of the turn: on a CPU, embedding is most of a turn's cost.
    /// </summary>
    Task<IReadOnlyList<RetrievedPassage>> RetrieveAsync(string tenantId, string query, ReadOnlyMemory<float> queryVector, int k, CancellationToken cancellationToken);
}
