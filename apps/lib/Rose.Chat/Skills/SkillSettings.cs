using Rose.Chat.Data;

namespace Rose.Chat.Skills;

/// <summary>A skill as the tenant configures it through the management API.</summary>
public sealed record SkillSettings(
    string Id,
    SkillType Type,
    string Label,
    string Description,
    IReadOnlyList<string>? Triggers,
    string? Url,
    bool IsContact,
    bool Enabled = true);
