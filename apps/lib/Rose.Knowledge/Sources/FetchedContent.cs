namespace Rose.Knowledge.Sources;

/// <summary>The bytes of a source and what is known about them.</summary>
public sealed record FetchedContent(byte[] Content, string? ContentType, string? NameOrUrl);
