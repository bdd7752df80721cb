using System.Text.Json.Nodes;

namespace Rose.Testing.Dapr.Mesh;

/// <summary>An event as the broker holds it: the CloudEvent daprd built (or forwarded to a dead-letter topic).</summary>
public sealed record PublishedEvent(string PubSubName, string Topic, string SourceAppId, JsonObject CloudEvent)
{
    public string Id => CloudEvent["id"]?.GetValue<string>() ?? string.Empty;
}
