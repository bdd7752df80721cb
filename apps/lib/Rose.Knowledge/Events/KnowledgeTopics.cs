namespace Rose.Knowledge.Events;

/// <summary>The topics Rose.Knowledge publishes. <c>components/</c> allows each and its dead-letter topic (a test checks).</summary>
public static class KnowledgeTopics
{
    /// <summary>A tenant's knowledge base changed: every search replica refreshes that tenant's index.</summary>
    public const string KnowledgeUpdated = "knowledge.updated";
}
