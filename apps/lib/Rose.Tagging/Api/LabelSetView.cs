using Rose.Tagging.Labels;

namespace Rose.Tagging.Api;

/// <summary>A tenant's label set on the wire: its version and every label with its group and description.</summary>
public sealed record LabelSetView(string Version, IReadOnlyList<LabelView> Labels)
{
    public static LabelSetView From(LabelSet set) =>
        new(set.Version, [.. set.Labels.Select(l => new LabelView(l.Name, l.Group.ToString().ToLowerInvariant(), l.Description))]);
}
