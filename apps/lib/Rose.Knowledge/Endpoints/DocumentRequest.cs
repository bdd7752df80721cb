namespace Rose.Knowledge.Endpoints;

/// <summary>JSON body of <c>POST /api/v1/knowledge/documents</c>: inline <see cref="Content"/>, or a <see cref="Url"/> to fetch.</summary>
public sealed record DocumentRequest(string? Title, string? Url, string? Content, string? ContentType);
