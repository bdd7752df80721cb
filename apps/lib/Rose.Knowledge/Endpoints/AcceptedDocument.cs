using Rose.Knowledge.Data;

namespace Rose.Knowledge.Endpoints;

/// <summary>Answer of a submission: where to follow the document's loading.</summary>
public sealed record AcceptedDocument(string Id, DocumentStatus Status);
