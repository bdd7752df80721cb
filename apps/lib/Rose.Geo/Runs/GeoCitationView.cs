namespace Rose.Geo.Runs;

/// <summary>A citation as the API shows it: the source page, and the sentence quoted from it.</summary>
public sealed record GeoCitationView(string Title, string Url, string? Quote);
