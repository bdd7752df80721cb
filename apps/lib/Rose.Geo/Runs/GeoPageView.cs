namespace Rose.Geo.Runs;

/// <summary>A run's page: the canonical question, the visitor questions it came from, the answer with its citations, and its state.</summary>
public sealed record GeoPageView(
    string PageId,
    string Slug,
    string Question,
    string? Answer,
    IReadOnlyList<GeoCitationView> Citations,
    string State,
    IReadOnlyList<string> SourceQuestions,
    int Conversations,
    bool Edited);
