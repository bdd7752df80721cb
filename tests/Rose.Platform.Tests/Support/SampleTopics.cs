namespace Rose.Platform.Tests.Support;

/// <summary>Topics of the platform tests' own events: the platform knows no module's events.</summary>
public static class SampleTopics
{
    public const string ConversationMessage = "sample.message";
    public const string ConversationEnded = "sample.ended";
    public const string KnowledgeUpdated = "sample.updated";
}
