using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rose.Platform.Telemetry;
using Rose.Storage.Outbox;

namespace Rose.Platform.PubSub;

/// <summary>
/// Sends staged events (the <c>rose_outbox</c> table) to the runtime's transport, then marks them sent.
/// At-least-once: a replica that dies between send and mark sends again after its claim's lease, with
/// the same CloudEvent id. Several replicas drain one database safely: each claims its rows with a
/// conditional update. Within a batch rows go out in the order they were staged, and a row that fails
/// holds back its tenant's later rows, so one tenant's events keep their order while the transport
/// accepts them. A failed send is retried after <see cref="OutboxOptions.BackoffAfter"/>, for as long
/// as it takes: a staged event is a committed fact and is never dropped.
/// </summary>
public sealed class OutboxDrainer(
    IServiceScopeFactory scopes,
    IOutboxTransport transport,
    StagedEventsSignal signal,
    IOptions<PlatformOptions> options,
    TimeProvider time,
    ILogger<OutboxDrainer> logger) : BackgroundService
{
    /// <summary>Longer than a batch takes to send; a drainer that dies holds its rows this long.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(1);

    /// <summary>Sent rows stay a day for inspection, then go.</summary>
    public static readonly TimeSpan SentRetention = TimeSpan.FromDays(1);

    private const int BatchSize = 50;
    private DateTimeOffset lastPurge = DateTimeOffset.MinValue;

    /// <summary>Claims and sends one batch; returns how many rows it claimed.</summary>
    public async Task<int> DrainOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var rows = scope.ServiceProvider.GetRequiredService<OutboxRows>();
        var claimed = await rows.ClaimAsync(BatchSize, ClaimLease, time.GetUtcNow(), cancellationToken);
        var heldBack = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in claimed)
        {
            if (heldBack.Contains(message.TenantId))
            {
                await rows.ReleaseAsync(message, cancellationToken);
                continue;
            }

            try
            {
                // The publish joins the trace that staged the event (the drainer itself runs in none):
                // the sidecar takes the traceparent of this call into the CloudEvent and hands it to
                // the subscriber, whose handling then belongs to the same trace.
                using var publish = StartPublishActivity(message);
                await transport.SendAsync(message, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                heldBack.Add(message.TenantId);
                var wait = options.Value.Outbox.BackoffAfter(message.Attempts + 1);
                logger.LogWarning(ex, "Sending event {EventId} of tenant {TenantId} to {Topic} failed (attempt {Attempt}); retrying in {Wait}.", message.EventId, message.TenantId, message.Topic, message.Attempts + 1, wait);
                await rows.RetryLaterAsync(message, wait, ex.Message, time.GetUtcNow(), cancellationToken);
                continue;
            }

            if (!await rows.MarkSentAsync(message, time.GetUtcNow(), cancellationToken))
            {
                logger.LogWarning("Event {EventId} was sent after its claim lapsed; another replica may send it again (consumers deduplicate by id).", message.EventId);
            }
        }

        return claimed.Count;
    }

    private static Activity? StartPublishActivity(OutboxMessage message)
    {
        ActivityContext.TryParse(message.TraceParent, null, isRemote: true, out var parent);
        var activity = PlatformTelemetry.Source.StartActivity($"publish {message.Topic}", ActivityKind.Producer, parent);
        activity?.SetTag(PlatformTelemetry.Topic, message.Topic);
        activity?.SetTag(PlatformTelemetry.MessageId, message.EventId);
        return activity;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Outbox;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DrainOnceAsync(stoppingToken) < BatchSize)
                {
                    await PurgeSentRowsAsync(stoppingToken);
                    await signal.WaitAsync(await WaitBeforeNextAsync(settings, stoppingToken), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The outbox drainer failed; trying again shortly.");
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
        }
    }

    private async Task PurgeSentRowsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - lastPurge < TimeSpan.FromHours(1))
        {
            return;
        }

        lastPurge = now;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxRows>().PurgeSentAsync(now - SentRetention, cancellationToken);
    }

    private async Task<TimeSpan> WaitBeforeNextAsync(OutboxOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var rows = scope.ServiceProvider.GetRequiredService<OutboxRows>();
        // Counted while idle or backed off, not per row: the gauge shows a backlog that stays.
        PlatformTelemetry.ReportPendingOutboxRows(await rows.CountUnsentAsync(cancellationToken));
        var next = await rows.NextDueAsync(cancellationToken);
        if (next is null)
        {
            return settings.PollInterval;
        }

        var wait = next.Value - time.GetUtcNow();
        return wait <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(1) : wait < settings.PollInterval ? wait : settings.PollInterval;
    }
}
