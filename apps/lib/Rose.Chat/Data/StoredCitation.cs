namespace Rose.Chat.Data;

/// <summary>A numbered source of an answer, kept with the message so history shows it even after the document changed.</summary>
public sealed class StoredCitation
{
    /// <summary>Named <c>n</c> in JSON, as in the stream's <c>citation</c> event.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("n")]
    public int Number { get; set; }

    public string Title { get; set; } = string.Empty;

    public string? Url { get; set; }

    public string DocumentId { get; set; } = string.Empty;

    public string ChunkId { get; set; } = string.Empty;
}
