namespace Rose.Enrichment.Providers;

/// <summary>How one provider's lookup went.</summary>
public enum ProviderOutcome
{
    /// <summary>The provider answered (a company, or a network that is not one).</summary>
    Answered,

    /// <summary>The provider knows nothing of this address.</summary>
    NotFound,

    /// <summary>429, 5xx, a timeout or a broken answer: the cascade moves on to the next tier.</summary>
    Failed,
}
