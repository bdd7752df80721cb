using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rose.Platform.Bindings;
using Rose.Platform.Dapr.DeadLetters;
using Rose.Platform.PubSub;
using Rose.Platform.Workflows;
using Rose.Storage;

namespace Rose.Platform.Dapr;

/// <summary>
/// What the sidecar calls: <c>/dapr/subscribe</c>, one route per subscribed topic, one per dead-letter
/// topic the app reads (<c>AddRoseDeadLetterReader</c>), one POST route per cron binding.
/// </summary>
internal static class DaprEndpoints
{
    public const string TopicRoutePrefix = "/dapr/topics/";

    public static void Map(WebApplication app)
    {
        // The CloudEvent's own attributes come along as headers (Cloudevent.id, …): the dead-letter
        // reader needs the id, type and original topic of the event the sidecar forwarded.
        app.UseCloudEvents(new global::Dapr.CloudEventsMiddlewareOptions
        {
            ForwardCloudEventPropertiesAsHeaders = true,
            IncludedCloudEventPropertiesAsHeaders = ["id", "type", "source", "topic"],
        });
        app.UseMiddleware<DaprAppTokenMiddleware>();
        app.MapSubscribeHandler().WithMetadata(SidecarOnlyMetadata.Instance);

        var subscriptions = app.Services.GetRequiredService<SubscriptionCatalog>();
        // This replica, for broadcast topics: every replica gets the event (its sidecar is its own
        // consumer group), but the handled-event records live in the shared state store, so each replica
        // keeps its own; otherwise the first replica's record would make the others skip the event.
        var replicaId = Guid.NewGuid().ToString("N");
        foreach (var topic in subscriptions.Topics)
        {
            var pubsub = Topics.PubSubFor(subscriptions.ForTopic(topic).First().EventType);
            var replica = pubsub == DaprComponents.BroadcastPubSub ? replicaId : null;
            app.MapPost(TopicRoutePrefix + topic, (HttpContext context, EventDispatcher dispatcher, CancellationToken ct) => DeliverAsync(topic, replica, context, subscriptions, dispatcher, ct))
                .WithTopic(new global::Dapr.TopicOptions
                {
                    PubsubName = pubsub,
                    Name = topic,
                    DeadLetterTopic = Topics.DeadLetterFor(topic),
                })
                .WithMetadata(SidecarOnlyMetadata.Instance)
                .ExcludeFromDescription();
        }

        // Every app: the off-boarding workflow in the worker runs each app's tenant-data erasers through here.
        Erasure.TenantErasureEndpoints.Map(app);
        if (app.Services.GetService<PlatformServiceCollectionExtensions.WorkflowsHostedMarker>() is not null)
        {
            WorkflowApiEndpoints.Map(app);
        }

        if (app.Services.GetService<DeadLetterTopics>() is { } deadLetterTopics)
        {
            foreach (var (deadLetterTopic, originalTopic) in deadLetterTopics.OriginalByDeadLetterTopic)
            {
                // No dead-letter topic of its own: a dead letter that cannot be stored is retried, never forwarded on.
                app.MapPost(TopicRoutePrefix + deadLetterTopic, (HttpContext context, DaprDeadLetterStore store, ILoggerFactory loggers, CancellationToken ct) =>
                        StoreDeadLetterAsync(deadLetterTopic, originalTopic, context, store, loggers.CreateLogger<DaprDeadLetterStore>(), ct))
                    .WithTopic(DaprComponents.PubSub, deadLetterTopic)
                    .WithMetadata(SidecarOnlyMetadata.Instance)
                    .ExcludeFromDescription();
            }
        }

        foreach (var job in app.Services.GetServices<CronJobRegistration>())
        {
            // A bindings.cron component POSTs to the route named after the binding.
            app.MapPost("/" + job.Definition.Name, async (IServiceProvider services, CancellationToken ct) =>
                {
                    await ((ICronJob)services.GetRequiredService(job.JobType)).RunAsync(ct);
                    return Results.Ok();
                })
                .WithMetadata(SidecarOnlyMetadata.Instance)
                .ExcludeFromDescription();
        }
    }

    /// <summary>Hands the event to every subscriber of the topic; the worst outcome is what Dapr hears.</summary>
    private static async Task<IResult> DeliverAsync(string topic, string? replica, HttpContext context, SubscriptionCatalog subscriptions, EventDispatcher dispatcher, CancellationToken cancellationToken)
    {
        JsonElement data;
        try
        {
            data = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body, PlatformJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return Results.Ok(new TopicRouteResponse("DROP"));
        }

        var outcome = DeliveryOutcome.Success;
        foreach (var subscription in subscriptions.ForTopic(topic))
        {
            var result = await dispatcher.DeliverAsync(replica is null ? subscription : subscription with { Subscriber = subscription.Subscriber + "@" + replica }, data, cancellationToken);
            outcome = (DeliveryOutcome)Math.Max((int)outcome, (int)result.Outcome);
        }

        return Results.Ok(new TopicRouteResponse(outcome.ToString().ToUpperInvariant()));
    }

    /// <summary>
    /// Stores one forwarded event. daprd republishes the original CloudEvent to the dead-letter topic
    /// unchanged (its <c>topic</c> attribute still names the original topic); the data carries the tenant.
    /// </summary>
    private static async Task<IResult> StoreDeadLetterAsync(string deadLetterTopic, string originalTopic, HttpContext context, DaprDeadLetterStore store, ILogger logger, CancellationToken cancellationToken)
    {
        JsonElement data;
        try
        {
            data = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body, PlatformJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            logger.LogError("A dead letter on {Topic} is not JSON; dropped.", deadLetterTopic);
            return Results.Ok(new TopicRouteResponse("DROP"));
        }

        var tenantId = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("tenantId", out var tenant) && tenant.ValueKind == JsonValueKind.String ? tenant.GetString() : null;
        var eventId = Header(context, "id") ?? (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null);
        if (!TenantIds.IsValid(tenantId) || string.IsNullOrEmpty(eventId))
        {
            // Every stored row belongs to a tenant: an event without one cannot be kept.
            logger.LogError("A dead letter on {Topic} has no valid tenant id or event id; dropped.", deadLetterTopic);
            return Results.Ok(new TopicRouteResponse("DROP"));
        }

        var topic = Header(context, "topic") is { } named && named != deadLetterTopic ? named : originalTopic;
        try
        {
            await store.StoreAsync(
                new ReceivedDeadLetter
                {
                    TenantId = tenantId!,
                    EventId = eventId,
                    Topic = topic,
                    DeadLetterTopic = deadLetterTopic,
                    EventType = Header(context, "type"),
                    Source = Header(context, "source"),
                    Payload = data.GetRawText(),
                },
                cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Storing dead letter {EventId} of {TenantId} failed; the sidecar will deliver it again.", eventId, tenantId);
            return Results.Ok(new TopicRouteResponse("RETRY"));
        }

        logger.LogWarning("Event {EventId} of {TenantId} on {Topic} was dead-lettered by a subscriber.", eventId, tenantId, topic);
        return Results.Ok(new TopicRouteResponse("SUCCESS"));
    }

    private static string? Header(HttpContext context, string attribute) =>
        context.Request.Headers["Cloudevent." + attribute] is { Count: > 0 } values && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
}
