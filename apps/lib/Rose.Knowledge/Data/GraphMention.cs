using Rose.Storage;

namespace Rose.Knowledge.Data;

/// <summary>An entity named in a chunk (the nodes of the tenant's LightRAG-style knowledge graph).</summary>
public sealed class GraphMention : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public string Id { get; set; } = string.Empty;

    public string DocumentId { get; set; } = string.Empty;

    public string ChunkId { get; set; } = string.Empty;

    /// <summary>Normalised entity key (lower case, single spaces).</summary>
    public string Entity { get; set; } = string.Empty;

    /// <summary>The entity as written in the text.</summary>
    public string Label { get; set; } = string.Empty;
}
