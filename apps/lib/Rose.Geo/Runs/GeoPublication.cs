using Rose.Geo.Site;

namespace Rose.Geo.Runs;

/// <summary>What a run publishes: the tenant's whole page set after it; <see cref="HasChanges"/> false when the run changes nothing on the site.</summary>
public sealed record GeoPublication(IReadOnlyList<GeoPage> Pages, bool HasChanges);
