namespace Rose.Llm.Routing;

/// <summary>
/// No LLM can serve this call, and nothing was sent yet: the caller uses its offline default
/// (the grounded answer generator does so by itself).
/// </summary>
public sealed class LlmUnavailableException(LlmUnavailableReason reason, string purpose, IReadOnlyList<string> failures)
    : InvalidOperationException(Describe(reason, purpose, failures))
{
    public LlmUnavailableReason Reason { get; } = reason;

    /// <summary>One line per failed attempt: <c>provider: error</c>.</summary>
    public IReadOnlyList<string> Failures { get; } = failures;

    private static string Describe(LlmUnavailableReason reason, string purpose, IReadOnlyList<string> failures) => reason switch
    {
        LlmUnavailableReason.NotConfigured => $"No LLM provider is configured for purpose '{purpose}'.",
        LlmUnavailableReason.BudgetSpent => $"The tenant's monthly token budget is spent; purpose '{purpose}' is served offline.",
        _ => $"Every provider for purpose '{purpose}' failed: {string.Join("; ", failures)}.",
    };
}
