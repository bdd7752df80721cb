using Rose.Knowledge.Retrieval;

namespace Rose.Knowledge.Endpoints;

public sealed record SearchResponse(string Query, IReadOnlyList<RetrievedPassage> Results);
