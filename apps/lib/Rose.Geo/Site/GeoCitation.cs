namespace Rose.Geo.Site;

/// <summary>A source an answer cites: the document's title and address, and the sentence quoted from it when there is one.</summary>
public sealed record GeoCitation(string Title, string Url, string? Quote = null);
