using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Rose.Gateway.Monitoring;

/// <summary>
/// <c>POST /monitoring</c>: a Sentry tunnel, so that the widget reports its own errors to Rose's origin
/// instead of loading a third-party host in the client's page. An envelope is forwarded only when the
/// DSN in its header names the configured DSN's Sentry host and project; anything else is refused, so
/// that the route cannot be used to send data to another Sentry project or host. The visitor's address
/// and cookies are not passed on.
/// </summary>
public static class SentryTunnelEndpoints
{
    public const string Route = "/monitoring";

    public const string HttpClientName = "sentry-tunnel";

    public const string EnvelopeContentType = "application/x-sentry-envelope";

    /// <summary>Sentry's answers a client needs to honour (rate limits).</summary>
    private static readonly string[] PassedBackHeaders = ["Retry-After", "X-Sentry-Rate-Limits"];

    public static IServiceCollection AddSentryTunnel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SentryTunnelOptions>().Bind(configuration.GetSection(SentryTunnelOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SentryTunnelOptions>, SentryTunnelOptionsValidator>();
        services.AddHttpClient(HttpClientName);
        return services;
    }

    public static RouteHandlerBuilder MapSentryTunnel(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Route, ForwardAsync)
            .WithName("SentryTunnel")
            .WithSummary("Forwards a Sentry envelope from the widget to the configured Sentry project")
            .WithDescription("Only envelopes whose header DSN names the configured DSN's host and project are forwarded; others get 403. Envelopes over Rose:Gateway:SentryTunnel:MaxEnvelopeBytes get 413.")
            .DisableAntiforgery();

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> ForwardAsync(
        HttpContext context, IOptions<SentryTunnelOptions> options, IHttpClientFactory clients, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!SentryDsn.TryParse(settings.Dsn, out var configured))
        {
            return Problem(StatusCodes.Status404NotFound, "No Sentry tunnel", "Error reporting is not configured on this host.");
        }

        if (context.Request.ContentLength > settings.MaxEnvelopeBytes)
        {
            return TooLarge(settings);
        }

        var envelope = await ReadBoundedAsync(context.Request.Body, settings.MaxEnvelopeBytes, cancellationToken);
        if (envelope is null)
        {
            return TooLarge(settings);
        }

        if (!TryReadHeaderDsn(envelope, out var headerDsn))
        {
            return Problem(StatusCodes.Status400BadRequest, "Not a Sentry envelope", "The first line must be the envelope header, a JSON object with the DSN (\"dsn\").");
        }

        if (!SentryDsn.TryParse(headerDsn, out var named) || !named.SameProjectAs(configured))
        {
            return Problem(StatusCodes.Status403Forbidden, "Unknown Sentry project", "This tunnel forwards envelopes for its own Sentry project only.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, configured.EnvelopeEndpoint) { Content = new ByteArrayContent(envelope) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(EnvelopeContentType);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            foreach (var header in PassedBackHeaders)
            {
                if (response.Headers.TryGetValues(header, out var values))
                {
                    context.Response.Headers[header] = values.ToArray();
                }
            }

            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return TypedResults.Content(body, response.Content.Headers.ContentType?.ToString() ?? "application/json", statusCode: (int)response.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            loggers.CreateLogger(typeof(SentryTunnelEndpoints)).LogWarning(e, "Sentry did not accept an envelope at {Endpoint}", configured.EnvelopeEndpoint);
            return Problem(StatusCodes.Status502BadGateway, "Sentry unreachable", "The error report could not be passed on; it may be sent again.");
        }
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (read no further than that).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool TryReadHeaderDsn(byte[] envelope, out string? dsn)
    {
        dsn = null;
        var end = Array.IndexOf(envelope, (byte)'\n');
        var header = end < 0 ? envelope.AsSpan() : envelope.AsSpan(0, end);
        try
        {
            var reader = new Utf8JsonReader(header);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("dsn", out var value)
                && value.ValueKind == JsonValueKind.String)
            {
                dsn = value.GetString();
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    private static ProblemHttpResult TooLarge(SentryTunnelOptions settings) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Envelope too large", $"Envelopes of more than {settings.MaxEnvelopeBytes} bytes are not forwarded.");

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail });
}
