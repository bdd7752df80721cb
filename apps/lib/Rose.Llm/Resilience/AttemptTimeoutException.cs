namespace Rose.Llm.Resilience;

/// <summary>An attempt waited longer than its timeout for the answer to start or to go on.</summary>
public sealed class AttemptTimeoutException(string provider, TimeSpan timeout)
    : TimeoutException($"{provider} sent nothing for {timeout.TotalSeconds:0.###} s.");
