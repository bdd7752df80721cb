namespace Rose.Tagging.Api;

/// <summary>One label of a set: <c>{"name": "pricing", "group": "intent", "description": "…"}</c>.</summary>
public sealed record LabelView(string Name, string Group, string Description);
