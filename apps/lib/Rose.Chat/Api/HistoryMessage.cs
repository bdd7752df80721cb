using Rose.Chat.Data;
using Rose.Chat.Reports;
using Rose.Chat.Skills;

namespace Rose.Chat.Api;

public sealed record HistoryMessage(
    string Id, string Role, string Text, IReadOnlyList<StoredCitation> Citations, SkillView? Skill, DateTimeOffset CreatedAt)
{
    public static HistoryMessage From(ConversationMessage message) => new(
        message.Id,
        message.Role,
        message.Text,
        message.Citations,
        TranscriptMessage.From(message).Skill,
        message.CreatedAt);
}
