using System.Text.Json.Serialization;

namespace Rose.Platform.Dapr;

/// <summary>The body Dapr reads from a topic route: <c>{"status": "SUCCESS" | "RETRY" | "DROP"}</c>.</summary>
public sealed record TopicRouteResponse([property: JsonPropertyName("status")] string Status);
