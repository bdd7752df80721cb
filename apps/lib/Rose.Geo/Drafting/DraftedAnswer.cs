using Rose.Geo.Data;

namespace Rose.Geo.Drafting;

/// <summary>A drafted answer with its citations (numbered from 1 in the order of <see cref="Citations"/>), or a content gap.</summary>
public sealed record DraftedAnswer(string? Answer, IReadOnlyList<StoredGeoCitation> Citations, bool IsGap, string Topic, string Source)
{
    public static DraftedAnswer Gap { get; } = new(null, [], true, string.Empty, "none");
}
