namespace Rose.Tagging.Api;

/// <summary>A label of a conversation on the wire: <c>{"label": "pricing", "group": "intent", "confidence": 0.83}</c>.</summary>
public sealed record TagView(string Label, string Group, double Confidence);
