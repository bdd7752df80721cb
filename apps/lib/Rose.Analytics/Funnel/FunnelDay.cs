namespace Rose.Analytics.Funnel;

/// <summary>One day (UTC) of the funnel: widget seen, opened, a message sent, a skill clicked, a conversion.</summary>
public sealed record FunnelDay(DateOnly Day, int Impressions, int Opens, int Messages, int SkillClicks, int Conversions);
