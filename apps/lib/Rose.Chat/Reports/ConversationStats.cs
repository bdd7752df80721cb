namespace Rose.Chat.Reports;

/// <summary>How many conversations were active in a period, how many of them had a question left unanswered, how many an e-mail.</summary>
public sealed record ConversationStats(int Conversations, int Unanswered, int EmailsLeft);
