using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Rose.Platform.Bindings;
using Rose.Platform.PubSub;

namespace Rose.Platform.Dapr;

/// <summary>What the sidecar calls: <c>/dapr/subscribe</c>, one route per subscribed topic, one POST route per cron binding.</summary>
internal static class DaprEndpoints
{
    public const string TopicRoutePrefix = "/dapr/topics/";

    public static void Map(WebApplication app)
    {
        app.UseCloudEvents();
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
}
