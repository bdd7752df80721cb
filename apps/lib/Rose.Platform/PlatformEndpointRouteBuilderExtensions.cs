using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rose.Platform.Dapr;
using Rose.Platform.Embedded.PubSub;

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
    /// Embedded runtime: <c>GET {group}/dead-letters</c> and <c>POST {group}/dead-letters/{id}/replay</c>.
    /// The caller passes a group it already protected (staff only), since this layer knows no callers.
    /// On Dapr, dead letters are on the <c>*.dead-letter</c> topics and nothing is mapped.
    /// </summary>
    public static RouteGroupBuilder MapDeadLetterAdmin(this RouteGroupBuilder group)
    {
        if (group.ServiceProvider().GetRequiredService<IOptions<PlatformOptions>>().Value.Runtime != PlatformRuntime.Embedded)
        {
            return group;
        }

        group.MapGet("/dead-letters", async (DeadLetterStore deadLetters, string? tenantId, int? limit, CancellationToken ct) =>
                TypedResults.Ok(await deadLetters.ListAsync(tenantId, limit ?? 100, ct)))
            .WithTags("Platform (staff)")
            .WithName("ListDeadLetters");
        group.MapPost("/dead-letters/{id:long}/replay", async Task<IResult> (long id, DeadLetterStore deadLetters, CancellationToken ct) =>
                await deadLetters.ReplayAsync(id, ct) ? TypedResults.Accepted((string?)null) : TypedResults.NotFound())
            .WithTags("Platform (staff)")
            .WithName("ReplayDeadLetter");
        return group;
    }

    private static IServiceProvider ServiceProvider(this IEndpointRouteBuilder routes) => routes.ServiceProvider;
}
