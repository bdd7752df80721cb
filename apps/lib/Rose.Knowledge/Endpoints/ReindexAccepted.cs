namespace Rose.Knowledge.Endpoints;

/// <summary>Answer of <c>POST /api/v1/knowledge/reindex</c>: how many documents are queued to load again.</summary>
public sealed record ReindexAccepted(int Documents);
