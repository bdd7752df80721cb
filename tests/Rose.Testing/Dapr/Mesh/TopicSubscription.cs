namespace Rose.Testing.Dapr.Mesh;

/// <summary>One entry of an app's <c>GET /dapr/subscribe</c> answer (the v1 <c>route</c> and the v2 <c>routes</c> shapes).</summary>
internal sealed record TopicSubscription(
    string PubSubName,
    string Topic,
    string? DefaultRoute,
    IReadOnlyList<(string Match, string Path)> Rules,
    string? DeadLetterTopic,
    IReadOnlyDictionary<string, string> Metadata);
