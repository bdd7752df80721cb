namespace Rose.Chat.Reports;

/// <summary>
/// A question visitors asked that the knowledge base could not answer (the agent declined), as
/// the overview lists knowledge gaps: in the words it was last asked in, in how many conversations
/// it was asked (the same words, ignoring case and spacing), and when last.
/// </summary>
public sealed record UnansweredQuestion(string Question, int Conversations, DateTimeOffset LastAskedAt);
