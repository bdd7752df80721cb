namespace Rose.Geo.Runs;

/// <summary>A cluster of visitor questions the knowledge base cannot answer: content to write, never published.</summary>
public sealed record GeoGapView(string Question, IReadOnlyList<string> SourceQuestions, int Conversations);
