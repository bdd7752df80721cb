using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rose.Platform.Dapr;
using Rose.Platform.PubSub;

namespace Rose.Platform;

public static class PlatformEndpointRouteBuilderExtensions
{
    /// <summary>
    /// What the runtime needs from the HTTP pipeline. Dapr: CloudEvents unwrapping, the app-token
    /// check, <c>/dapr/subscribe</c>, a route per subscribed topic (with its dead-letter topic) and a
    /// POST route per cron binding. Embedded: nothing (delivery and cron run in process).
    /// </summary>
    public static WebApplication MapRosePlatform(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<PlatformOptions>>().Value.Runtime == PlatformRuntime.Dapr)
        {
            DaprEndpoints.Map(app);
        }

        return app;
    }

    /// <summary>
    /// <c>GET {group}/dead-letters</c> and <c>POST {group}/dead-letters/{id}/replay</c> on both runtimes:
    /// embedded, the dead-letter table of the in-process delivery (replay re-queues the delivery); Dapr,
    /// what the app read from the <c>*.dead-letter</c> topics (<c>AddRoseDeadLetterReader</c>; replay
    /// publishes the event again to its original topic). The caller passes a group it already protected
    /// (staff only), since this layer knows no callers.
    /// </summary>
    public static RouteGroupBuilder MapDeadLetterAdmin(this RouteGroupBuilder group)
    {
        if (((IEndpointRouteBuilder)group).ServiceProvider.GetService<IDeadLetterStore>() is null)
        {
            throw new InvalidOperationException(
                "MapDeadLetterAdmin on the Dapr runtime needs the dead-letter reader: call services.AddRoseDeadLetterReader(...) in the app that owns dead letters.");
        }

        group.MapGet("/dead-letters", async Task<Results<Ok<IReadOnlyList<DeadLetter>>, ProblemHttpResult>> (IDeadLetterStore deadLetters, string? tenantId, int? limit, CancellationToken ct) =>
                limit is < 1 or > 1000
                    ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid limit", detail: "limit must be between 1 and 1000.")
                    : TypedResults.Ok(await deadLetters.ListAsync(tenantId, limit ?? 100, ct)))
            .WithTags("Platform (staff)")
            .WithName("ListDeadLetters")
            .WithSummary("Lists dead letters, newest first")
            .WithDescription("Events a subscriber was given up on, for every tenant or the one named by tenantId.");
        group.MapPost("/dead-letters/{id:long}/replay", async Task<Results<Accepted, ProblemHttpResult>> (long id, IDeadLetterStore deadLetters, CancellationToken ct) =>
                await deadLetters.ReplayAsync(id, ct)
                    ? TypedResults.Accepted((string?)null)
                    : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such dead letter", detail: $"There is no dead letter {id}; it may have been replayed already."))
            .WithTags("Platform (staff)")
            .WithName("ReplayDeadLetter")
            .WithSummary("Delivers a dead letter again")
            .WithDescription("Removes the dead letter and publishes its event again to its original topic, with its original id.");
        return group;
    }
}
