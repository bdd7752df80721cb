namespace Rose.Llm.Resilience;

public enum CircuitState
{
    /// <summary>Calls go through.</summary>
    Closed,

    /// <summary>The provider is skipped until the break ends.</summary>
    Open,

    /// <summary>The break ended: one trial call decides whether to close or open again.</summary>
    HalfOpen,
}
