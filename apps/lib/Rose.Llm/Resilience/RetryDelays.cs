using Rose.Llm.Configuration;

namespace Rose.Llm.Resilience;

/// <summary>
/// Exponential backoff with "equal jitter" (half fixed, half random), so that many replicas hit by
/// the same 429 do not come back in lockstep; a provider's <c>Retry-After</c> wins when it is longer.
/// </summary>
internal static class RetryDelays
{
    /// <summary>The wait before retry number <paramref name="retry"/> (1-based), or null when the provider asks for too long.</summary>
    public static TimeSpan? Before(int retry, ProviderFailure failure, LlmResilienceOptions options, Random random)
    {
        if (failure.RetryAfter is { } asked && asked > options.MaxRetryAfter)
        {
            return null;
        }

        var exponential = options.BaseDelay.TotalMilliseconds * Math.Pow(2, retry - 1);
        var capped = Math.Min(exponential, options.MaxDelay.TotalMilliseconds);
        var jittered = TimeSpan.FromMilliseconds((capped / 2) + (random.NextDouble() * capped / 2));
        return failure.RetryAfter is { } retryAfter && retryAfter > jittered ? retryAfter : jittered;
    }
}
