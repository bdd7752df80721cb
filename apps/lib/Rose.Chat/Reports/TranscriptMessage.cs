using Rose.Chat.Data;
using Rose.Chat.Skills;

namespace Rose.Chat.Reports;

/// <summary>One message as the tenant's team reads it: with what the visitor never sees (latency, model, "I don't know").</summary>
public sealed record TranscriptMessage(
    string Id,
    string Role,
    string Text,
    IReadOnlyList<StoredCitation> Citations,
    SkillView? Skill,
    int? LatencyMs,
    string? Model,
    bool Declined,
    DateTimeOffset CreatedAt)
{
    public static TranscriptMessage From(ConversationMessage message) => new(
        message.Id,
        message.Role,
        message.Text,
        message.Citations,
        message.SkillId is null || message.SkillType is null ? null : new SkillView(message.SkillId, message.SkillType.Value, message.SkillLabel ?? message.SkillId, message.SkillUrl),
        message.LatencyMs,
        message.Model,
        message.Declined,
        message.CreatedAt);
}
