using Rose.Chat.Data;

namespace Rose.Chat.Skills;

/// <summary>A skill as the widget shows it (and the SSE <c>skill</c> event carries).</summary>
public sealed record SkillView(string Id, SkillType Type, string Label, string? Url)
{
    public static SkillView From(TenantSkill skill) => new(skill.Id, skill.Type, skill.Label, skill.Url);
}
