namespace Rose.Chat.Memory;

/// <summary>
/// What the agent remembers of a conversation between turns: the recent turns verbatim, a rolling
/// summary of older ones, and the last skill shown (never the same twice in a row).
/// </summary>
public sealed record ConversationMemory(IReadOnlyList<MemoryTurn> RecentTurns, string Summary, string? LastSkillId)
{
    public static ConversationMemory Empty { get; } = new([], string.Empty, null);

    /// <summary>Adds a turn; turns beyond <paramref name="keep"/> fold into the summary (their questions, which carry the topic).</summary>
    public ConversationMemory With(MemoryTurn turn, string? skillShown, int keep)
    {
        var turns = RecentTurns.Append(turn).ToList();
        var summary = Summary;
        while (turns.Count > keep)
        {
            summary = ConversationSummary.Fold(summary, turns[0]);
            turns.RemoveAt(0);
        }

        return new ConversationMemory(turns, summary, skillShown ?? LastSkillId);
    }
}
