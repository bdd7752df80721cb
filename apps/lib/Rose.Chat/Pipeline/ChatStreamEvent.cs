namespace Rose.Chat.Pipeline;

/// <summary>One server-sent event of a turn: its name (<c>meta</c>, <c>token</c>, …) and its JSON data.</summary>
public sealed record ChatStreamEvent(string Name, object Data)
{
    public static ChatStreamEvent Meta(string conversationId, string messageId) => new("meta", new { conversationId, messageId });

    public static ChatStreamEvent Token(string text) => new("token", new { text });

    public static ChatStreamEvent Citation(int n, string title, string? url, string documentId, string chunkId) =>
        new("citation", new { n, title, url, documentId, chunkId });

    public static ChatStreamEvent Skill(Skills.SkillView skill) => new("skill", skill);

    public static ChatStreamEvent Suggestions(IReadOnlyList<string> items) => new("suggestions", new { items });

    public static ChatStreamEvent Done(string messageId, long latencyMs) => new("done", new { messageId, latencyMs });

    public static ChatStreamEvent Error(string code, string message) => new("error", new { code, message });
}
