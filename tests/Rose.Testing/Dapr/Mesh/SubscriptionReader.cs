using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;

namespace Rose.Testing.Dapr.Mesh;

/// <summary>
/// Reads programmatic subscriptions as dapr/dapr <c>pkg/runtime/pubsub/subscriptions.go</c> does (Go's
/// JSON field names match case-insensitively) and picks a route: the first rule whose <c>match</c> holds,
/// else <c>routes.default</c>, else <c>route</c>. Only CEL matches of the form
/// <c>event.field == "value"</c> are evaluated; others never match and are reported.
/// </summary>
internal static partial class SubscriptionReader
{
    public static List<TopicSubscription> Parse(string json)
    {
        var result = new List<TopicSubscription>();
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "[]" : json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var item in document.RootElement.EnumerateArray())
        {
            var routes = Property(item, "routes");
            var rules = new List<(string, string)>();
            if (routes is { ValueKind: JsonValueKind.Object } && Property(routes.Value, "rules") is { ValueKind: JsonValueKind.Array } ruleArray)
            {
                foreach (var rule in ruleArray.EnumerateArray())
                {
                    rules.Add((String(rule, "match") ?? string.Empty, Normalize(String(rule, "path"))!));
                }
            }

            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            if (Property(item, "metadata") is { ValueKind: JsonValueKind.Object } meta)
            {
                foreach (var entry in meta.EnumerateObject())
                {
                    metadata[entry.Name] = entry.Value.ToString();
                }
            }

            result.Add(new TopicSubscription(
                String(item, "pubsubname") ?? string.Empty,
                String(item, "topic") ?? string.Empty,
                Normalize(routes is { ValueKind: JsonValueKind.Object } ? String(routes.Value, "default") ?? String(item, "route") : String(item, "route")),
                rules,
                String(item, "deadLetterTopic") is { Length: > 0 } dead ? dead : null,
                metadata));
        }

        return result;
    }

    /// <summary>The route for this event, or null when no rule matches and there is no default.</summary>
    public static string? RouteFor(TopicSubscription subscription, JsonObject cloudEvent, System.Collections.Concurrent.ConcurrentQueue<string> warnings)
    {
        foreach (var (match, path) in subscription.Rules)
        {
            var parsed = SimpleMatch().Match(match);
            if (!parsed.Success)
            {
                warnings.Enqueue($"the mesh evaluates only 'event.field == \"value\"' matches; '{match}' never matches");
                continue;
            }

            if (cloudEvent[parsed.Groups["field"].Value]?.ToString() == parsed.Groups["value"].Value)
            {
                return path;
            }
        }

        return subscription.DefaultRoute;
    }

    private static string? Normalize(string? path) =>
        string.IsNullOrEmpty(path) ? null : path.StartsWith('/') ? path : "/" + path;

    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? String(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    [GeneratedRegex("""^\s*event\.(?<field>\w+)\s*==\s*["'](?<value>[^"']*)["']\s*$""")]
    private static partial Regex SimpleMatch();
}
