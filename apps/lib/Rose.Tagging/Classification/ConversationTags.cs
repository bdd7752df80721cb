using Rose.Tagging.Labels;

namespace Rose.Tagging.Classification;

/// <summary>
/// What a classifier made of a conversation: the tags, and who classified it (<c>offline</c>, or the
/// LLM's provider/model). <see cref="Intent"/> is the main intent (the first of its group).
/// </summary>
public sealed record ConversationTags(IReadOnlyList<AssignedTag> Tags, string Classifier)
{
    public string Intent => First(LabelGroup.Intent) ?? LabelSet.Other;

    public string Stage => First(LabelGroup.Stage) ?? LabelSet.Awareness;

    public bool IsSpam => Tags.Any(t => t.Group == LabelGroup.Spam);

    public bool Has(LabelGroup group, string label) => Tags.Any(t => t.Group == group && t.Label == label);

    private string? First(LabelGroup group) => Tags.FirstOrDefault(t => t.Group == group)?.Label;
}
