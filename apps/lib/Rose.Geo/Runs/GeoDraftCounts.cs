namespace Rose.Geo.Runs;

/// <summary>A run's drafts after drafting: answerable pages and content gaps.</summary>
public sealed record GeoDraftCounts(int Pages, int Gaps);
