using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rose.Platform.PubSub;
using Rose.Platform.Telemetry;

namespace Rose.Platform.Embedded.PubSub;

/// <summary>
/// Delivers due outbox rows to their subscribers: at-least-once, exponential back-off, dead letter
/// after <see cref="OutboxOptions.MaxRetries"/> retries (or at once for a dropped event). Rows left by
/// a previous process are delivered after a restart.
/// </summary>
public sealed class OutboxDispatcher(
    OutboxStore outbox,
    OutboxSignal signal,
    SubscriptionCatalog subscriptions,
    EventDispatcher dispatcher,
    IOptions<PlatformOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Outbox;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var due = await outbox.DueAsync(BatchSize, stoppingToken);
                foreach (var delivery in due)
                {
                    await DeliverAsync(delivery, settings, stoppingToken);
                }

                if (due.Count < BatchSize)
                {
                    await signal.WaitAsync(await WaitBeforeNextAsync(settings, stoppingToken), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The outbox dispatcher failed; trying again shortly.");
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
        }
    }

    private async Task DeliverAsync(OutboxDelivery delivery, OutboxOptions settings, CancellationToken stoppingToken)
    {
        var subscription = subscriptions.BySubscriber(delivery.Subscriber);
        if (subscription is null)
        {
            await outbox.DeadLetterAsync(delivery, delivery.Attempts, $"No subscriber named '{delivery.Subscriber}' in this process.", stoppingToken);
            return;
        }

        var cloudEvent = JsonSerializer.Deserialize<CloudEventEnvelope>(delivery.CloudEvent, PlatformJson.Options)!;
        DeliveryResult result;
        // As daprd does with its traceparent header: the handler runs in the publisher's trace.
        ActivityContext.TryParse(cloudEvent.TraceParent, null, isRemote: true, out var parent);
        using (var activity = PlatformTelemetry.Source.StartActivity($"process {delivery.Topic}", ActivityKind.Consumer, parent))
        {
            activity?.SetTag(PlatformTelemetry.Topic, delivery.Topic);
            activity?.SetTag(PlatformTelemetry.MessageId, delivery.EventId);
            activity?.SetTag(PlatformTelemetry.MessagingSystem, "rose-embedded");
            result = await dispatcher.DeliverAsync(subscription, cloudEvent.Data, stoppingToken);
        }

        var attempts = delivery.Attempts + 1;
        switch (result.Outcome)
        {
            case DeliveryOutcome.Success:
                await outbox.CompleteAsync(delivery.Id, stoppingToken);
                break;
            case DeliveryOutcome.Drop:
                await outbox.DeadLetterAsync(delivery, attempts, result.Error, stoppingToken);
                break;
            case DeliveryOutcome.Retry when attempts > settings.MaxRetries:
                logger.LogError("{Subscriber} failed {Attempts} times on event {EventId}; dead-lettered.", delivery.Subscriber, attempts, delivery.EventId);
                await outbox.DeadLetterAsync(delivery, attempts, result.Error, stoppingToken);
                break;
            default:
                await outbox.RetryLaterAsync(delivery.Id, attempts, settings.BackoffAfter(attempts), result.Error, stoppingToken);
                break;
        }
    }

    private async Task<TimeSpan> WaitBeforeNextAsync(OutboxOptions settings, CancellationToken cancellationToken)
    {
        var next = await outbox.NextDueAsync(cancellationToken);
        if (next is null)
        {
            return settings.PollInterval;
        }

        var wait = next.Value - time.GetUtcNow();
        return wait <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(1) : wait < settings.PollInterval ? wait : settings.PollInterval;
    }
}
