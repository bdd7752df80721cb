namespace Rose.Testing.Dapr;

/// <summary>A service invocation that reached the fake sidecar's HTTP API.</summary>
public sealed record RecordedInvocation(string HttpMethod, string AppId, string Method, string Body, string? ApiToken);
