namespace Rose.Platform.Dapr;

/// <summary>Endpoint metadata: only the Dapr sidecar calls this endpoint, so it must carry <c>APP_API_TOKEN</c> when one is set.</summary>
public sealed class SidecarOnlyMetadata
{
    public static SidecarOnlyMetadata Instance { get; } = new();
}
