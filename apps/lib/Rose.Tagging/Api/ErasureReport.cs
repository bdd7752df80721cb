namespace Rose.Tagging.Api;

/// <summary>What an erasure removed: a visitor's conversations with their messages, the e-mails they left, and their tags and scores.</summary>
public sealed record ErasureReport(int Conversations, int Messages, int Leads, int TaggedConversations);
