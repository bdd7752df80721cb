using System.Net;

namespace Rose.Llm.Providers;

/// <summary>A provider answered with an error status; carries what the retry policy needs.</summary>
public sealed class ProviderHttpException(HttpStatusCode statusCode, TimeSpan? retryAfter, string message)
    : HttpRequestException(message, null, statusCode)
{
    /// <summary>The wait the provider asked for (<c>Retry-After</c>), if any.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
