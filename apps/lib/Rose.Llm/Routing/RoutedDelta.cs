namespace Rose.Llm.Routing;

/// <summary>A text delta and the provider and model that produced it (one per answer, never mixed).</summary>
public sealed record RoutedDelta(string Text, string Provider, string Model);
