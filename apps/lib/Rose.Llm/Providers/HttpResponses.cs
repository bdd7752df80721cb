using System.Globalization;
using System.Net.Http.Headers;

namespace Rose.Llm.Providers;

/// <summary>Error handling shared by the hand-written provider clients.</summary>
internal static class HttpResponses
{
    private const int MaxBodyInMessage = 300;

    /// <summary>Throws <see cref="ProviderHttpException"/> with the status, <c>Retry-After</c> and the start of the body.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, string provider, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (body.Length > MaxBodyInMessage)
        {
            body = body[..MaxBodyInMessage] + "…";
        }

        throw new ProviderHttpException(
            response.StatusCode,
            RetryAfter(response.Headers.RetryAfter, TimeProvider.System),
            $"{provider} answered {(int)response.StatusCode} {response.ReasonPhrase}: {body}");
    }

    /// <summary>Reads <c>Retry-After</c> as seconds or as an HTTP date.</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, TimeProvider time)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? Max(date - time.GetUtcNow()) : null;
    }

    /// <summary>Reads a raw <c>Retry-After</c> value (seconds or HTTP date).</summary>
    public static TimeSpan? RetryAfter(string? value, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return Max(TimeSpan.FromSeconds(seconds));
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? Max(date - time.GetUtcNow())
            : null;
    }

    private static TimeSpan Max(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
