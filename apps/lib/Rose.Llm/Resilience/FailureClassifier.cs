using System.ClientModel;
using System.Net;
using System.Text.Json;
using Microsoft.SemanticKernel;
using Rose.Llm.Providers;

namespace Rose.Llm.Resilience;

/// <summary>
/// Maps the exceptions of every client (SK/OpenAI SDK, the hand-written clients, the transport) to
/// one <see cref="ProviderFailure"/>: 429, 408 and 5xx (and Anthropic's 529) are retried, honouring
/// <c>Retry-After</c>; timeouts and malformed responses move to the next provider at once, because
/// asking a slow or broken provider again mostly costs the visitor more waiting.
/// </summary>
internal static class FailureClassifier
{
    public static ProviderFailure Classify(Exception error, TimeProvider time)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case AttemptTimeoutException timeout:
                    return new ProviderFailure(timeout.BeforeFirstToken ? "first_token_timeout" : "timeout", false, null, error);
                case ProviderHttpException http:
                    return FromStatus((int)http.StatusCode!, http.RetryAfter, error);
                case ClientResultException client when client.Status > 0:
                    return FromStatus(client.Status, RetryAfter(client, time), error);
                case HttpOperationException operation when operation.StatusCode is { } status:
                    var inner = operation.InnerException as ClientResultException;
                    return FromStatus((int)status, inner is null ? null : RetryAfter(inner, time), error);
                case HttpRequestException request when request.StatusCode is { } status:
                    return FromStatus((int)status, null, error);
                case JsonException or FormatException:
                    return new ProviderFailure("malformed_response", false, null, error);
            }
        }

        // Connection refused or reset, a body cut short: the transport, worth one more try.
        return error is HttpRequestException or IOException || error.InnerException is HttpRequestException or IOException
            ? new ProviderFailure("network", true, null, error)
            : new ProviderFailure(error.GetType().Name, false, null, error);
    }

    private static ProviderFailure FromStatus(int status, TimeSpan? retryAfter, Exception error)
    {
        var retryable = status is (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.RequestTimeout or >= 500;
        return new ProviderFailure($"http_{status}", retryable, retryAfter, error);
    }

    private static TimeSpan? RetryAfter(ClientResultException error, TimeProvider time) =>
        error.GetRawResponse()?.Headers.TryGetValue("Retry-After", out var value) == true
            ? HttpResponses.RetryAfter(value, time)
            : null;
}
