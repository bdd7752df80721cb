using Microsoft.Extensions.Configuration;

namespace Rose.Platform.Dapr;

/// <summary>
/// The settings daprd hands to its app: where the sidecar listens, the token the app sends to it
/// (<c>DAPR_API_TOKEN</c>) and the token the sidecar sends to the app (<c>APP_API_TOKEN</c>).
/// Read from configuration, so that environment variables and test settings both work.
/// </summary>
public static class DaprSettings
{
    public const string ApiTokenKey = "DAPR_API_TOKEN";

    public const string AppApiTokenKey = "APP_API_TOKEN";

    /// <summary>The header that carries either token.</summary>
    public const string TokenHeader = "dapr-api-token";

    public static string? ApiToken(IConfiguration configuration) => NullIfEmpty(configuration[ApiTokenKey]);

    public static string? AppApiToken(IConfiguration configuration) => NullIfEmpty(configuration[AppApiTokenKey]);

    /// <summary>The sidecar's HTTP endpoint: <c>DAPR_HTTP_ENDPOINT</c>, else <c>DAPR_HTTP_PORT</c> on loopback, else null (the SDK's default).</summary>
    public static string? HttpEndpoint(IConfiguration configuration) =>
        NullIfEmpty(configuration["DAPR_HTTP_ENDPOINT"])
        ?? (NullIfEmpty(configuration["DAPR_HTTP_PORT"]) is { } port ? $"http://127.0.0.1:{port}" : null);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
