namespace Rose.Knowledge.Retrieval;

/// <summary>Orders fused candidates for the final answer: a rerank API when configured, MMR otherwise.</summary>
public interface IPassageReranker
{
    Task<ScoredOrdinal[]> RerankAsync(TenantKnowledgeIndex index, string query, ReadOnlyMemory<float> queryVector, ScoredOrdinal[] candidates, int k, CancellationToken cancellationToken);
}
