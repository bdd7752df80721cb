using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Rose.Platform.Dapr;

/// <summary>
/// When <c>APP_API_TOKEN</c> is set, daprd sends it in <c>dapr-api-token</c> on every call to the app
/// (dapr/dapr pkg/channel/http/http_channel.go adds it to each request); every route only the sidecar
/// should call answers 401 without it: endpoints marked <see cref="SidecarOnlyMetadata"/> (topic and cron
/// routes), everything under <c>/dapr/</c> (<c>/dapr/subscribe</c>, <c>/dapr/config</c>) and under
/// <c>/actors/</c> (Dapr.Actors.AspNetCore's MapActorsHandlers, mapped by modules that Rose.Platform
/// cannot mark). Outside Development the token is required to start (<see cref="DaprAppTokenValidator"/>).
/// </summary>
public sealed class DaprAppTokenMiddleware(RequestDelegate next, IConfiguration configuration)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var expected = DaprSettings.AppApiToken(configuration);
        if (expected is null || !IsSidecarFacing(context))
        {
            await next(context);
            return;
        }

        var presented = context.Request.Headers[DaprSettings.TokenHeader].ToString();
        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected)))
        {
            await next(context);
            return;
        }

        // Through the app's problem-details service when it has one, as plain RFC 7807 JSON otherwise.
        await TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized",
                detail: "Only this app's Dapr sidecar may call this route.")
            .ExecuteAsync(context);
    }

    /// <summary>The routes daprd calls: marked ones, and the Dapr SDK's own prefixes.</summary>
    public static bool IsSidecarFacing(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<SidecarOnlyMetadata>() is not null
        || context.Request.Path.StartsWithSegments("/dapr", StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/actors", StringComparison.OrdinalIgnoreCase);
}
