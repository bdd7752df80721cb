namespace Rose.Analytics.Funnel;

/// <summary>The funnel over a period: totals, by day (every day of the period, zeros included) and by skill.</summary>
public sealed record FunnelView(DateOnly From, DateOnly To, FunnelDay Totals, IReadOnlyList<FunnelDay> Days, IReadOnlyList<FunnelSkill> Skills);
