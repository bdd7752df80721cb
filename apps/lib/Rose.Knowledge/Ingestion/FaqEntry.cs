namespace Rose.Knowledge.Ingestion;

/// <summary>A question and its answer, stored as one chunk.</summary>
public sealed record FaqEntry(string Question, string Answer, string? Url = null);
