namespace Rose.Crm.Linear.Client;

/// <summary>A call to Linear that failed; <see cref="Exception.Message"/> is Linear's own explanation (never the key).</summary>
public sealed class LinearApiException(LinearFailure failure, string message, TimeSpan? retryAfter = null) : Exception(message)
{
    public LinearFailure Failure { get; } = failure;

    /// <summary>For <see cref="LinearFailure.RateLimited"/>: how long until Linear's budget resets, when it said so.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
