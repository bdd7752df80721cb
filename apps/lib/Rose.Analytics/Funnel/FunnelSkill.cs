namespace Rose.Analytics.Funnel;

/// <summary>A skill's share of the funnel: its clicks, and the conversions attributed to it.</summary>
public sealed record FunnelSkill(string SkillId, int Clicks, int Conversions);
