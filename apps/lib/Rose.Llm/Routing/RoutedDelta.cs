namespace Rose.Llm.Routing;

/// <summary>
/// A text delta and the provider and model that produced it (one per answer, never mixed). The last
/// item of a successful call has an empty <see cref="Text"/> and carries the <see cref="Usage"/>.
/// </summary>
public sealed record RoutedDelta(string Text, string Provider, string Model)
{
    public LlmCallUsage? Usage { get; init; }
}
