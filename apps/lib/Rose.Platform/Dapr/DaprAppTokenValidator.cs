using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Rose.Platform.Dapr;

/// <summary>
/// Fails closed: on the Dapr runtime outside the Development environment the app does not start
/// without <c>APP_API_TOKEN</c>, because without it anybody who reaches the app's port could post
/// events, trigger jobs and call actors as if they were the sidecar. A bare service provider (no
/// host, so no environment) is not an app and is not checked.
/// </summary>
internal sealed class DaprAppTokenValidator(IConfiguration configuration, IServiceProvider services) : IValidateOptions<PlatformOptions>
{
    public ValidateOptionsResult Validate(string? name, PlatformOptions options)
    {
        if (options.Runtime != PlatformRuntime.Dapr
            || services.GetService<IHostEnvironment>() is not { } environment
            || environment.IsDevelopment()
            || DaprSettings.AppApiToken(configuration) is not null)
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(
            $"Rose:Runtime is Dapr in the '{environment.EnvironmentName}' environment but {DaprSettings.AppApiTokenKey} is not set: " +
            $"set {DaprSettings.AppApiTokenKey} to the same secret for the app and its daprd (daprd sends it in '{DaprSettings.TokenHeader}'), " +
            "so that only the sidecar can call its routes. Only the Development environment runs without it.");
    }
}
