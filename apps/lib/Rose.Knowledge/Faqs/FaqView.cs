using Rose.Knowledge.Data;

namespace Rose.Knowledge.Faqs;

/// <summary>An FAQ entry as the editor and the API show it, with the loading status of its document.</summary>
/// <param name="FaqId">The id to read, edit and delete it by (for an entry sent without an id, its document's local id).</param>
/// <param name="DocumentId">The composite id of its document in the knowledge base.</param>
public sealed record FaqView(
    string FaqId,
    string DocumentId,
    string Question,
    string Answer,
    string? Url,
    DocumentStatus Status,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
