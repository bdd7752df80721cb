using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rose.Platform.PubSub;

/// <summary>
/// A CloudEvent 1.0 in structured JSON mode with Dapr's extensions (<c>topic</c>, <c>pubsubname</c>):
/// what the embedded outbox stores, and what a Dapr sidecar POSTs to a topic route.
/// </summary>
public sealed record CloudEventEnvelope
{
    public const string ContentType = "application/cloudevents+json";

    [JsonPropertyName("specversion")]
    public string SpecVersion { get; init; } = "1.0";

    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("source")]
    public required string Source { get; init; }

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("datacontenttype")]
    public string DataContentType { get; init; } = "application/json";

    [JsonPropertyName("time")]
    public DateTimeOffset Time { get; init; }

    [JsonPropertyName("topic")]
    public required string Topic { get; init; }

    [JsonPropertyName("pubsubname")]
    public required string PubSubName { get; init; }

    /// <summary>The W3C trace context of the publisher (Dapr's <c>traceparent</c> extension); absent when untraced.</summary>
    [JsonPropertyName("traceparent")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TraceParent { get; init; }

    [JsonPropertyName("data")]
    public required JsonElement Data { get; init; }

    /// <summary>The CloudEvent for <paramref name="integrationEvent"/>, serialized as its runtime type.</summary>
    public static CloudEventEnvelope For(IntegrationEvent integrationEvent, string topic, string pubSubName, string source) => new()
    {
        Id = integrationEvent.Id.ToString(),
        Source = source,
        Type = integrationEvent.GetType().Name,
        Time = integrationEvent.CreatedAt,
        Topic = topic,
        PubSubName = pubSubName,
        Data = JsonSerializer.SerializeToElement(integrationEvent, integrationEvent.GetType(), PlatformJson.Options),
    };
}
