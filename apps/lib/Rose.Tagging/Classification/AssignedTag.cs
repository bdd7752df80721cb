using Rose.Tagging.Labels;

namespace Rose.Tagging.Classification;

/// <summary>One label given to a conversation, with the classifier's confidence 0–1.</summary>
public sealed record AssignedTag(string Label, LabelGroup Group, double Confidence);
