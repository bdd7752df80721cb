namespace Rose.Testing.Dapr.Mesh;

/// <summary>A service invocation the mesh routed: from which app-id, to which replica, which method.</summary>
public sealed record MeshInvocation(string CallerAppId, string TargetAppId, string TargetReplicaId, string HttpMethod, string Method);
