namespace Rose.Knowledge.Ingestion;

/// <summary>A question and its answer, stored as one chunk.</summary>
/// <param name="Id">
/// The entry's own id (the FAQ editor's): the entry is keyed by it, so editing its question replaces
/// the same document. Without an id the entry is keyed by its question text, as before ids existed.
/// </param>
public sealed record FaqEntry(string Question, string Answer, string? Url = null, string? Id = null)
{
    /// <summary>The longest question accepted, in characters.</summary>
    public const int MaxQuestionLength = 500;

    /// <summary>The longest answer accepted, in characters: an FAQ answer is one chunk, not a document.</summary>
    public const int MaxAnswerLength = 4000;
}
