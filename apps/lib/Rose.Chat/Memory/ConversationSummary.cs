namespace Rose.Chat.Memory;

/// <summary>
/// The offline rolling summary: the topics the visitor asked about, most recent last, bounded in
/// length. An LLM summary could replace it; this one costs nothing and never invents.
/// </summary>
public static class ConversationSummary
{
    public const int MaxLength = 600;

    public static string Fold(string summary, MemoryTurn turn)
    {
        var line = "Asked: " + turn.Question.Trim();
        var folded = string.IsNullOrEmpty(summary) ? line : summary + "\n" + line;
        if (folded.Length <= MaxLength)
        {
            return folded;
        }

        // Drop the oldest lines first: recent topics matter more to the next question.
        var lines = folded.Split('\n').ToList();
        while (lines.Count > 1 && string.Join('\n', lines).Length > MaxLength)
        {
            lines.RemoveAt(0);
        }

        var kept = string.Join('\n', lines);
        return kept.Length > MaxLength ? kept[^MaxLength..] : kept;
    }
}
