using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rose.Geo.Site.IndexNow;

/// <summary>
/// Tells IndexNow (indexnow.org, the shared endpoint by default) which URLs changed: a JSON POST of
/// <c>{host, key, keyLocation, urlList}</c>, at most 10,000 URLs per request, as the protocol allows.
/// Never throws for IndexNow's answer: the publish has happened, the ping's outcome is recorded.
/// </summary>
internal sealed class IndexNowClient(HttpClient http, IOptions<GeoSiteOptions> options, ILogger<IndexNowClient> logger)
{
    public const int MaxUrlsPerRequest = 10_000;

    public async Task<string> PingAsync(string host, string key, string keyLocation, IReadOnlyList<string> urls, CancellationToken cancellationToken)
    {
        if (urls.Count == 0)
        {
            return IndexNowStatuses.Skipped;
        }

        var status = IndexNowStatuses.Accepted;
        foreach (var batch in urls.Chunk(MaxUrlsPerRequest))
        {
            var answer = await SendAsync(new IndexNowRequest(host, key, keyLocation, batch), cancellationToken);
            if (answer != IndexNowStatuses.Accepted && status == IndexNowStatuses.Accepted)
            {
                status = answer;
            }
        }

        return status;
    }

    private async Task<string> SendAsync(IndexNowRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(options.Value.IndexNow.Endpoint, request, cancellationToken);
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK or HttpStatusCode.Accepted:
                    return IndexNowStatuses.Accepted;
                case HttpStatusCode.UnprocessableEntity:
                    logger.LogWarning("IndexNow refused {Count} URLs of {Host} (422): the URLs or the key file do not match the host.", request.UrlList.Count, request.Host);
                    return IndexNowStatuses.Rejected;
                case HttpStatusCode.TooManyRequests:
                    logger.LogWarning("IndexNow throttled the ping of {Count} URLs of {Host} (429).", request.UrlList.Count, request.Host);
                    return IndexNowStatuses.Throttled;
                default:
                    logger.LogWarning("IndexNow answered {Status} to the ping of {Count} URLs of {Host}.", (int)response.StatusCode, request.UrlList.Count, request.Host);
                    return IndexNowStatuses.Failed;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "IndexNow could not be reached for {Host}.", request.Host);
            return IndexNowStatuses.Failed;
        }
    }
}
