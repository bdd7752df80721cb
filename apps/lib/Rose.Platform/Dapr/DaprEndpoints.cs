using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Rose.Platform.Bindings;
using Rose.Platform.PubSub;
using Rose.Platform.Workflows;

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
        foreach (var topic in subscriptions.Topics)
        {
            app.MapPost(TopicRoutePrefix + topic, (HttpContext context, EventDispatcher dispatcher, CancellationToken ct) => DeliverAsync(topic, context, subscriptions, dispatcher, ct))
                .WithTopic(new global::Dapr.TopicOptions
                {
                    PubsubName = DaprComponents.PubSub,
                    Name = topic,
                    DeadLetterTopic = Topics.DeadLetterFor(topic),
                })
                .WithMetadata(SidecarOnlyMetadata.Instance)
                .ExcludeFromDescription();
        }

        if (app.Services.GetService<PlatformServiceCollectionExtensions.WorkflowsHostedMarker>() is not null)
        {
            WorkflowApiEndpoints.Map(app);
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
    private static async Task<IResult> DeliverAsync(string topic, HttpContext context, SubscriptionCatalog subscriptions, EventDispatcher dispatcher, CancellationToken cancellationToken)
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
            var result = await dispatcher.DeliverAsync(subscription, data, cancellationToken);
            outcome = (DeliveryOutcome)Math.Max((int)outcome, (int)result.Outcome);
        }

        return Results.Ok(new TopicRouteResponse(outcome.ToString().ToUpperInvariant()));
    }
}
