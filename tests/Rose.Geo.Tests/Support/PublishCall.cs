using Rose.Geo.Site;

namespace Rose.Geo.Tests.Support;

/// <summary>One call the recording publisher received.</summary>
public sealed record PublishCall(string TenantId, string PublishId, IReadOnlyList<GeoPage> Pages);
