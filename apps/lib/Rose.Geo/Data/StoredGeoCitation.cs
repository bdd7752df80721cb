namespace Rose.Geo.Data;

/// <summary>A citation as stored with a draft or a page: the source page and the chunk the quotation comes from.</summary>
public sealed class StoredGeoCitation
{
    public string Title { get; set; } = string.Empty;

    public string Url { get; set; } = string.Empty;

    public string? Quote { get; set; }

    public string DocumentId { get; set; } = string.Empty;

    public string ChunkId { get; set; } = string.Empty;

    /// <summary>The chunk's text when the answer was drafted: what a reviewer (and the support check) compares the answer with.</summary>
    public string ChunkText { get; set; } = string.Empty;
}
