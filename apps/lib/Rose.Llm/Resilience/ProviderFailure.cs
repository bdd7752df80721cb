namespace Rose.Llm.Resilience;

/// <summary>What went wrong in one attempt, as far as retry and fallback are concerned.</summary>
/// <param name="Type">Short error type for traces and metrics (<c>http_429</c>, <c>timeout</c>, <c>network</c>…).</param>
/// <param name="Retryable">Worth asking the same provider again.</param>
/// <param name="RetryAfter">The wait the provider asked for.</param>
public sealed record ProviderFailure(string Type, bool Retryable, TimeSpan? RetryAfter, Exception Error);
