using Rose.Storage;

namespace Rose.Knowledge.Data;

/// <summary>A relation between two entities stated by a chunk (the edges of the knowledge graph).</summary>
public sealed class GraphRelation : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public string Id { get; set; } = string.Empty;

    public string DocumentId { get; set; } = string.Empty;

    public string ChunkId { get; set; } = string.Empty;

    public string Source { get; set; } = string.Empty;

    public string Target { get; set; } = string.Empty;

    /// <summary>Words that describe the relation (the verb phrase between the two), used for global retrieval.</summary>
    public string Keywords { get; set; } = string.Empty;
}
