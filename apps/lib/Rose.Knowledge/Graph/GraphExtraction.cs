namespace Rose.Knowledge.Graph;

/// <summary>Entities and relations found in one chunk.</summary>
public sealed record GraphExtraction(IReadOnlyList<(string Key, string Label)> Entities, IReadOnlyList<(string Source, string Target, string Keywords)> Relations)
{
    public static GraphExtraction None { get; } = new([], []);
}
