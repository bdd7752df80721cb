using Rose.Knowledge.Chunking;

namespace Rose.Knowledge.Graph;

/// <summary>
/// Finds the entities and relations of a document's chunks: <see cref="LlmGraphExtractor"/> when the
/// <c>graph-extraction</c> purpose has an LLM, <see cref="OfflineGraphExtractor"/> otherwise.
/// </summary>
public interface IGraphExtractor
{
    /// <summary>
    /// One extraction per chunk, in the order of <paramref name="chunks"/>, for <paramref name="tenantId"/>
    /// (whose token budget an LLM call is accounted to). Never fails because of what a model replied.
    /// </summary>
    Task<IReadOnlyList<GraphExtraction>> ExtractAsync(string tenantId, string title, IReadOnlyList<ChunkDraft> chunks, CancellationToken cancellationToken);
}
