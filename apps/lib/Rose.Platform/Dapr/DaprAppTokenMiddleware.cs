using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Rose.Platform.Dapr;

/// <summary>
/// When <c>APP_API_TOKEN</c> is set, daprd sends it in <c>dapr-api-token</c> on every call to the app;
/// endpoints marked <see cref="SidecarOnlyMetadata"/> answer 401 to a call without it, so that
/// nobody but the sidecar can post events or trigger jobs.
/// </summary>
public sealed class DaprAppTokenMiddleware(RequestDelegate next, IConfiguration configuration)
{
    public Task InvokeAsync(HttpContext context)
    {
        var expected = DaprSettings.AppApiToken(configuration);
        if (expected is null || context.GetEndpoint()?.Metadata.GetMetadata<SidecarOnlyMetadata>() is null)
        {
            return next(context);
        }

        var presented = context.Request.Headers[DaprSettings.TokenHeader].ToString();
        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected)))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }
}
