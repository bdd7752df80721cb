using Rose.Chat.Data;
using Rose.Chat.Skills;

namespace Rose.Chat.Pipeline;

/// <summary>What a turn produced, gathered while it streams and stored once it ends well.</summary>
public sealed class TurnOutcome(string messageId)
{
    public string MessageId { get; } = messageId;

    public string Text { get; set; } = string.Empty;

    public List<StoredCitation> Citations { get; } = [];

    public SkillView? Skill { get; set; }

    public bool Declined { get; set; }

    public string? Model { get; set; }

    /// <summary>The visitor's company, when enrichment already knew it.</summary>
    public string? VisitorCompany { get; set; }

    /// <summary>Set when the turn failed: the error event to send instead of <c>done</c>.</summary>
    public ChatStreamEvent? Failure { get; set; }
}
