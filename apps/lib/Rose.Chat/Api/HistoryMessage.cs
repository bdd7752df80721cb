using Rose.Chat.Data;
using Rose.Chat.Skills;

namespace Rose.Chat.Api;

public sealed record HistoryMessage(
    string Id, string Role, string Text, IReadOnlyList<StoredCitation> Citations, SkillView? Skill, DateTimeOffset CreatedAt);
