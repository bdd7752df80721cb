namespace Rose.Chat.Data;

/// <summary>A numbered source of an answer, kept with the message so history shows it even after the document changed.</summary>
public sealed class StoredCitation
{
    public int Number { get; set; }

    public string Title { get; set; } = string.Empty;

    public string? Url { get; set; }

    public string DocumentId { get; set; } = string.Empty;

    public string ChunkId { get; set; } = string.Empty;
}
