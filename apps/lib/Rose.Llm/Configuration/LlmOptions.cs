namespace Rose.Llm.Configuration;

/// <summary>
/// Configuration section <c>Rose:Llm</c>. Example (environment variables):
/// <c>Rose__Llm__Providers__main__Kind=OpenAICompatible</c>, <c>Rose__Llm__Providers__main__Endpoint=http://host/v1</c>,
/// <c>Rose__Llm__Providers__main__Model=llama-3.3-70b</c>, <c>Rose__Llm__Providers__main__ApiKey=…</c>,
/// <c>Rose__Llm__Purposes__answer=main,backup</c>.
/// </summary>
public sealed class LlmOptions
{
    public const string SectionName = "Rose:Llm";

    /// <summary>Named providers; the name is what the purpose chains refer to.</summary>
    public Dictionary<string, LlmProviderOptions> Providers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Purpose → comma-separated chain, tried in order (<c>main,backup:gpt-4o-mini</c>).</summary>
    public Dictionary<string, string> Purposes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Chain for purposes that have none of their own; empty means every provider in configuration order.</summary>
    public string? DefaultChain { get; set; }

    public LlmResilienceOptions Resilience { get; set; } = new();

    /// <summary>Default monthly token budget of a tenant; 0 means unlimited.</summary>
    public long MonthlyTokenBudget { get; set; }

    /// <summary>
    /// A tenant's running total of tokens (shared by the replicas through <c>Rose:Limits:Redis</c>) is
    /// read from the ledger once and then kept this long after its last call; a new read after that
    /// corrects a reservation a dead replica never settled.
    /// </summary>
    public TimeSpan BudgetCounterIdle { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Per-tenant budget and voice overrides.</summary>
    public Dictionary<string, TenantLlmOptions> Tenants { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Send questions the classifier finds simple to a provider's <see cref="LlmProviderOptions.FastModel"/>.</summary>
    public bool RouteSimpleQuestionsToFastModel { get; set; } = true;

    /// <summary>Upper bound of generated tokens per call.</summary>
    public int MaxOutputTokens { get; set; } = 800;

    public float Temperature { get; set; } = 0.2f;

    /// <summary>Prompt template version per purpose (<c>answer=v2</c>); the highest shipped version otherwise.</summary>
    public Dictionary<string, string> PromptVersions { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The provider whose embeddings replace the offline MiniLM model (<c>Rose:Llm:EmbeddingProvider</c>);
    /// empty keeps MiniLM. Changing it re-embeds the knowledge bases, since vectors store their model.
    /// </summary>
    public string? EmbeddingProvider { get; set; }

    /// <summary>The offline answer composer.</summary>
    public Composer.OfflineComposerOptions Composer { get; set; } = new();

    public bool HasProviders => Providers.Count > 0;

    /// <summary>The chain of <paramref name="purpose"/>, with the fallbacks described on <see cref="DefaultChain"/>.</summary>
    public IReadOnlyList<ChainLink> ChainFor(string purpose)
    {
        if (Purposes.TryGetValue(purpose, out var chain) && !string.IsNullOrWhiteSpace(chain))
        {
            return ChainLink.ParseChain(chain);
        }

        return !string.IsNullOrWhiteSpace(DefaultChain)
            ? ChainLink.ParseChain(DefaultChain)
            : Providers.Keys.Select(name => new ChainLink(name, null)).ToList();
    }

    public TenantLlmOptions ForTenant(string tenantId) =>
        Tenants.TryGetValue(tenantId, out var tenant) ? tenant : new TenantLlmOptions();
}
