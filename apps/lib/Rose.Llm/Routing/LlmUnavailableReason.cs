namespace Rose.Llm.Routing;

public enum LlmUnavailableReason
{
    /// <summary>No provider is configured for the purpose.</summary>
    NotConfigured,

    /// <summary>The tenant's monthly token budget is spent.</summary>
    BudgetSpent,

    /// <summary>Every provider of the chain failed (or had its circuit open) before sending a token.</summary>
    AllProvidersFailed,
}
