using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Rose.Analytics.PostHog;

/// <summary>
/// Sends widget events and conversions to PostHog's capture API (<c>POST {Host}/batch/</c>) in the
/// background, when an API key is configured. Events are queued in memory and sent in batches; a
/// failed batch is logged and dropped: PostHog is a copy of what Rose stores, never the record.
/// </summary>
public sealed class PostHogForwarder(IHttpClientFactory clients, IOptions<PostHogOptions> options, ILogger<PostHogForwarder> logger) : BackgroundService
{
    public const string HttpClientName = "posthog";

    private readonly Channel<PostHogEvent> queue = Channel.CreateBounded<PostHogEvent>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public bool Enabled => options.Value.Enabled;

    /// <summary>Queues the events; returns at once. Does nothing when PostHog is not configured.</summary>
    public void Enqueue(IEnumerable<PostHogEvent> events)
    {
        if (!Enabled)
        {
            return;
        }

        foreach (var e in events)
        {
            if (!queue.Writer.TryWrite(e))
            {
                logger.LogWarning("PostHog queue full: event {Event} not forwarded", e.Event);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        var batch = new List<PostHogEvent>(options.Value.BatchSize);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < options.Value.BatchSize && queue.Reader.TryRead(out var e))
                {
                    batch.Add(e);
                }

                await SendAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued is not sent.
        }
    }

    private async Task SendAsync(List<PostHogEvent> batch, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var body = new
        {
            api_key = settings.ApiKey,
            batch = batch.Select(e => new
            {
                @event = e.Event,
                timestamp = e.Timestamp,
                properties = new Dictionary<string, object?>(e.Properties) { ["distinct_id"] = e.DistinctId },
            }),
        };
        try
        {
            using var response = await clients.CreateClient(HttpClientName).PostAsJsonAsync(new Uri(settings.Host, "/batch/"), body, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("PostHog answered {Status} to a batch of {Count} events; dropped", (int)response.StatusCode, batch.Count);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "PostHog could not be reached; a batch of {Count} events dropped", batch.Count);
        }
    }
}
