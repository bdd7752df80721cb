namespace Rose.Tagging.Labels;

/// <summary>
/// One label of a set: its wire name (lowercase kebab-case), its group and the description that both
/// the LLM prompt and the offline classifier's embedding similarity read.
/// </summary>
public sealed record LabelDefinition(string Name, LabelGroup Group, string Description);
