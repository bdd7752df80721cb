using Rose.Chat.Data;
using Rose.Chat.Skills;

namespace Rose.Chat.Api;

public sealed record WidgetConfig(
    string TenantId, string Name, string Greeting, string PrimaryColor, string TextColor, string Language, IReadOnlyList<SkillView> Skills);
