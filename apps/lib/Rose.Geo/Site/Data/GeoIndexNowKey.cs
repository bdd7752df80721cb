using Rose.Storage;

namespace Rose.Geo.Site.Data;

/// <summary>The tenant's IndexNow key; its key file is published with the site at <c>/{key}.txt</c>.</summary>
public sealed class GeoIndexNowKey : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}
