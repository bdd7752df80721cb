namespace Rose.Tagging.Retention;

/// <summary>What one retention purge removed from one tenant.</summary>
public sealed record RetentionReport(int Conversations, int Messages, int Leads, int TaggedConversations);
