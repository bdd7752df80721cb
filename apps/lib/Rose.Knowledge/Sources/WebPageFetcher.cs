using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using Rose.Knowledge.Parsing;

namespace Rose.Knowledge.Sources;

/// <summary>
/// Fetches web pages politely: honours the site's robots.txt, stops reading past the size limit,
/// gives up after the time limit, and never follows a redirect to another host. Every refusal is
/// a <see cref="DocumentRejectedException"/> with a reason the client can read.
/// </summary>
public sealed class WebPageFetcher(HttpClient http, IOptions<KnowledgeOptions> options)
{
    public const string HttpClientName = "rose-knowledge-fetch";
    private readonly ConcurrentDictionary<string, RobotsRules> robots = new(StringComparer.OrdinalIgnoreCase);

    public async Task<FetchedContent> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        if (url.Scheme is not ("http" or "https"))
        {
            throw new DocumentRejectedException($"Only http and https URLs can be loaded, not '{url.Scheme}'.");
        }

        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.FetchTimeout);
        try
        {
            var rules = await RobotsAsync(url, timeout.Token);
            if (!rules.Allows(url.PathAndQuery))
            {
                throw new DocumentRejectedException($"The site's robots.txt does not allow {settings.UserAgent} to read {url.AbsolutePath}.");
            }

            var (content, contentType) = await GetAsync(url, settings.MaxDocumentBytes, timeout.Token);
            return new FetchedContent(content, contentType, url.ToString());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DocumentRejectedException($"{url} did not answer within {settings.FetchTimeout.TotalSeconds:0} seconds.");
        }
        catch (HttpRequestException e)
        {
            throw new DocumentRejectedException($"{url} could not be fetched ({e.Message}).", e);
        }
    }

    internal async Task<(byte[] Content, string? ContentType)> GetAsync(Uri url, long maxBytes, CancellationToken cancellationToken)
    {
        var current = url;
        for (var hop = 0; hop < 5; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.UserAgent.ParseAdd(options.Value.UserAgent);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                if (!string.Equals(next.Host, url.Host, StringComparison.OrdinalIgnoreCase))
                {
                    throw new DocumentRejectedException($"{url} redirects to another site ({next.Host}); only pages of {url.Host} are loaded.");
                }

                current = next;
                continue;
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new DocumentRejectedException($"{current} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            if (response.Content.Headers.ContentLength > maxBytes)
            {
                throw new DocumentRejectedException($"{current} is {response.Content.Headers.ContentLength / 1024} KB; the limit is {maxBytes / 1024} KB.");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw new DocumentRejectedException($"{current} is larger than the limit of {maxBytes / 1024} KB.");
                }

                buffer.Write(chunk, 0, read);
            }

            return (buffer.ToArray(), response.Content.Headers.ContentType?.ToString());
        }

        throw new DocumentRejectedException($"{url} redirects too many times.");
    }

    private async Task<RobotsRules> RobotsAsync(Uri url, CancellationToken cancellationToken)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        if (robots.TryGetValue(origin, out var cached))
        {
            return cached;
        }

        RobotsRules rules;
        try
        {
            var (content, _) = await GetAsync(new Uri(origin + "/robots.txt"), 512 * 1024, cancellationToken);
            rules = RobotsRules.Parse(System.Text.Encoding.UTF8.GetString(content), options.Value.UserAgent);
        }
        catch (DocumentRejectedException)
        {
            // No robots.txt (404) or an unreadable one: the web's convention is that everything is allowed.
            rules = RobotsRules.AllowAll;
        }

        robots[origin] = rules;
        return rules;
    }
}
