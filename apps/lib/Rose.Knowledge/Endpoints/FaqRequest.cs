using Rose.Knowledge.Ingestion;

namespace Rose.Knowledge.Endpoints;

/// <summary>Body of <c>POST /api/v1/knowledge/faqs</c>.</summary>
public sealed record FaqRequest(IReadOnlyList<FaqEntry>? Faqs);
