namespace Rose.Llm.Resilience;

/// <summary>
/// An attempt waited longer than its timeout for the answer to start (<see cref="BeforeFirstToken"/>:
/// the first-token deadline) or to go on.
/// </summary>
public sealed class AttemptTimeoutException(string provider, TimeSpan timeout, bool beforeFirstToken = false)
    : TimeoutException(beforeFirstToken
        ? $"{provider} sent no first token within {timeout.TotalSeconds:0.###} s."
        : $"{provider} sent nothing for {timeout.TotalSeconds:0.###} s.")
{
    public bool BeforeFirstToken { get; } = beforeFirstToken;
}
