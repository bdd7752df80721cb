namespace Rose.Knowledge.Chunking;

/// <summary>A chunk before it is embedded and stored.</summary>
public sealed record ChunkDraft(int Ordinal, string Text, IReadOnlyList<string> HeadingPath, int? Page, int TokenCount)
{
    /// <summary>
    /// What the encoder sees: title and heading path first, since a passage often makes sense only
    /// under its heading (the questions people ask are frequently the headings themselves).
    /// </summary>
    public string EmbeddingInput(string title) => EmbeddingInputs.Compose(title, HeadingPath, Text);
}
