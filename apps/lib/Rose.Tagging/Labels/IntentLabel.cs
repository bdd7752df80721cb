namespace Rose.Tagging.Labels;

/// <summary>An intent label as a tenant edits it: its name (lowercase kebab-case) and what it means.</summary>
public sealed record IntentLabel(string Name, string Description);
