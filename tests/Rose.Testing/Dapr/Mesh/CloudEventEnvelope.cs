using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rose.Testing.Dapr.Mesh;

/// <summary>
/// The envelope daprd wraps a published payload in: dapr/dapr <c>pkg/runtime/pubsub/cloudevents.go</c>
/// (<c>NewCloudEvent</c>: <c>cloudevent.*</c> metadata override id, source, type, subject and the trace
/// fields, matched case-insensitively) and components-contrib <c>pubsub/envelope.go</c>
/// (<c>NewCloudEventsEnvelope</c>: defaults id = new UUID, source = "Dapr" — daprd passes the publisher's
/// app-id —, type = "com.dapr.event.sent", datacontenttype = "text/plain"; JSON data is embedded as JSON,
/// binary data as <c>data_base64</c>, anything else as a string; <c>traceid</c> and <c>traceparent</c>
/// carry the same value). A payload that already is a CloudEvent is kept and only gets
/// topic/pubsubname/trace fields (<c>FromCloudEvent</c>). <c>ttlInSeconds</c> becomes <c>expiration</c>
/// (<c>pubsub.ApplyMetadata</c>, for brokers without native TTL such as Redis Streams).
/// </summary>
internal static class CloudEventEnvelope
{
    public const string ContentType = "application/cloudevents+json";

    public static JsonObject Build(
        string sourceAppId,
        string pubSubName,
        string topic,
        byte[] data,
        string? dataContentType,
        IReadOnlyDictionary<string, string> metadata,
        string? traceParent,
        string? traceState,
        DateTimeOffset now)
    {
        JsonObject envelope;
        if (IsCloudEvent(dataContentType))
        {
            envelope = JsonNode.Parse(data) as JsonObject ?? throw new JsonException("a CloudEvent payload must be a JSON object");
            envelope["topic"] = topic;
            envelope["pubsubname"] = pubSubName;
            if (!string.IsNullOrEmpty(traceParent))
            {
                envelope["traceid"] = traceParent;
                envelope["traceparent"] = traceParent;
                envelope["tracestate"] = traceState ?? string.Empty;
            }
        }
        else
        {
            string Override(string field, string? fallback) =>
                metadata.FirstOrDefault(m => string.Equals(m.Key, "cloudevent." + field, StringComparison.OrdinalIgnoreCase)).Value ?? fallback ?? string.Empty;

            var traceId = Override("traceid", traceParent);
            var overriddenParent = Override("traceparent", null);
            if (overriddenParent.Length > 0)
            {
                traceId = overriddenParent;
            }

            var id = Override("id", null);
            var source = Override("source", sourceAppId);
            var type = Override("type", null);
            var subject = Override("subject", null);
            var contentType = string.IsNullOrEmpty(dataContentType) ? "text/plain" : dataContentType;
            envelope = new JsonObject
            {
                ["id"] = id.Length > 0 ? id : Guid.NewGuid().ToString(),
                ["specversion"] = "1.0",
                ["datacontenttype"] = contentType,
                ["source"] = source.Length > 0 ? source : "Dapr",
                ["type"] = type.Length > 0 ? type : "com.dapr.event.sent",
                ["topic"] = topic,
                ["pubsubname"] = pubSubName,
                ["traceid"] = traceId,
                ["traceparent"] = traceId,
                ["tracestate"] = Override("tracestate", traceState),
                ["time"] = now.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
            };
            if (IsJson(contentType))
            {
                try
                {
                    envelope["data"] = JsonNode.Parse(data);
                }
                catch (JsonException)
                {
                    envelope["data"] = Encoding.UTF8.GetString(data);
                }
            }
            else if (contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase))
            {
                envelope["data_base64"] = Convert.ToBase64String(data);
            }
            else
            {
                envelope["data"] = Encoding.UTF8.GetString(data);
            }

            if (subject.Length > 0)
            {
                envelope["subject"] = subject;
            }
        }

        if (metadata.TryGetValue("ttlInSeconds", out var ttl) && long.TryParse(ttl, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            envelope["expiration"] = now.AddSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        return envelope;
    }

    public static bool IsExpired(JsonObject envelope, DateTimeOffset now) =>
        envelope["expiration"]?.GetValue<string>() is { } expiration
        && DateTimeOffset.TryParse(expiration, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
        && at <= now;

    private static bool IsCloudEvent(string? contentType) =>
        contentType is not null && contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase);

    private static bool IsJson(string contentType)
    {
        var media = contentType.Split(';')[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || media.Equals("text/json", StringComparison.OrdinalIgnoreCase);
    }
}
