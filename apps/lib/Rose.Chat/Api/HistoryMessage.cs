using Rose.Chat.Data;
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
        message.SkillId is null || message.SkillType is null ? null : new SkillView(message.SkillId, message.SkillType.Value, message.SkillLabel ?? message.SkillId, message.SkillUrl),
        message.CreatedAt);
}
