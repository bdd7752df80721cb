namespace Rose.Knowledge.Retrieval;

/// <summary>Configuration section <c>Rose:Knowledge:Rerank</c>: a Cohere-compatible <c>/v1/rerank</c> API; MMR when unset.</summary>
public sealed class RerankOptions
{
    public const string SectionName = "Rose:Knowledge:Rerank";

    /// <summary>Base address, e.g. <c>https://api.cohere.com</c>. Empty means: no API, rerank with MMR.</summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    public string Model { get; set; } = "rerank-v3.5";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);
}
