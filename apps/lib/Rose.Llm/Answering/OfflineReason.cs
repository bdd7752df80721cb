namespace Rose.Llm.Answering;

/// <summary>Why an answer was composed offline.</summary>
public enum OfflineReason
{
    /// <summary>No provider is configured for the answer purpose.</summary>
    NotConfigured,

    /// <summary>The tenant's monthly token budget is spent.</summary>
    BudgetSpent,

    /// <summary>Every provider failed before sending a token.</summary>
    ProvidersFailed,

    /// <summary>Retrieval found nothing relevant enough: the honest decline, no LLM needed.</summary>
    LowConfidence,
}
