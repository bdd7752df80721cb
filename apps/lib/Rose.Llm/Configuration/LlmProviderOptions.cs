namespace Rose.Llm.Configuration;

/// <summary>One named provider: <c>Rose:Llm:Providers:&lt;name&gt;</c>.</summary>
public sealed class LlmProviderOptions
{
    public LlmProviderKind? Kind { get; set; }

    /// <summary>Base address. Optional for OpenAI, Anthropic and Gemini (their public endpoints); required otherwise.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The model asked for (for Azure, the model behind <see cref="Deployment"/>).</summary>
    public string? Model { get; set; }

    /// <summary>A faster, cheaper model of the same provider for questions the complexity classifier finds simple.</summary>
    public string? FastModel { get; set; }

    /// <summary>Azure OpenAI deployment name.</summary>
    public string? Deployment { get; set; }

    /// <summary>Azure OpenAI <c>api-version</c>; the connector's default when empty.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>From a secret store or an environment variable, never from a committed file.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Anthropic's <c>anthropic-version</c> header.</summary>
    public string AnthropicVersion { get; set; } = "2023-06-01";

    /// <summary>Overrides <see cref="LlmResilienceOptions.AttemptTimeout"/> for this provider.</summary>
    public TimeSpan? AttemptTimeout { get; set; }

    /// <summary>Overrides <see cref="LlmResilienceOptions.MaxRetries"/> for this provider.</summary>
    public int? MaxRetries { get; set; }

    /// <summary>Price of a million input tokens in USD, for the cost accounting.</summary>
    public decimal InputCostPerMillionTokens { get; set; }

    /// <summary>Price of a million output tokens in USD.</summary>
    public decimal OutputCostPerMillionTokens { get; set; }

    /// <summary>Model (Azure: deployment) used for embeddings where the provider has them: OpenAI, compatible, Azure.</summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>Length of <see cref="EmbeddingModel"/>'s vectors (1536 for text-embedding-3-small).</summary>
    public int EmbeddingDimensions { get; set; }

    /// <summary>The model that is asked for when a chain link names none.</summary>
    public string DefaultModel => Kind == LlmProviderKind.AzureOpenAI ? Deployment ?? Model ?? string.Empty : Model ?? string.Empty;
}
