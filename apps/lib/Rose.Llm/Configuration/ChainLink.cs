namespace Rose.Llm.Configuration;

/// <summary>
/// One step of a purpose's chain: a provider and, optionally, the model to ask it for. Written
/// <c>provider</c> or <c>provider:model</c>; only the first colon splits, because model names such
/// as Ollama's <c>llama3.1:8b</c> contain colons themselves.
/// </summary>
public sealed record ChainLink(string Provider, string? Model)
{
    public static IReadOnlyList<ChainLink> ParseChain(string? chain) =>
        (chain ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Parse)
            .ToList();

    public static ChainLink Parse(string link)
    {
        var colon = link.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? new ChainLink(link, null)
            : new ChainLink(link[..colon].Trim(), link[(colon + 1)..].Trim() is { Length: > 0 } model ? model : null);
    }

    public override string ToString() => Model is null ? Provider : $"{Provider}:{Model}";
}
