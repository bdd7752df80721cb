namespace Rose.Knowledge.Ingestion;

/// <summary>
/// A document to load: either <see cref="Content"/> (an upload, with its file name and media
/// type) or only a <see cref="Url"/> to fetch. A URL given with content is kept as the citation link.
/// </summary>
public sealed record DocumentSubmission(string? Title, string? Url, string? FileName, string? ContentType, byte[]? Content);
