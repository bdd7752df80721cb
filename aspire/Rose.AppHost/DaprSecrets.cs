namespace Rose.AppHost;

/// <summary>
/// The secrets the Dapr shape hands out: the Redis password (the same value Redis runs with, read by
/// the components through the secret store) and the two tokens between each app and its sidecar.
/// </summary>
public sealed record DaprSecrets(ReferenceExpression RedisPassword, IResourceBuilder<ParameterResource> DaprApiToken, IResourceBuilder<ParameterResource> AppApiToken)
{
    public static DaprSecrets Add(IDistributedApplicationBuilder builder, RoseInfrastructure infrastructure) => new(
        infrastructure.RedisPassword,
        builder.AddParameter("dapr-api-token", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true),
        builder.AddParameter("app-api-token", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true));
}
