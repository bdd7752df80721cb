using Rose.Storage;

namespace Rose.Geo.Data;

/// <summary>A tenant's GEO settings; a tenant without a row uses <see cref="GeoOptions"/>' defaults.</summary>
public sealed class GeoTenantSettings : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    /// <summary>A cluster becomes a page only when asked in at least this many distinct conversations.</summary>
    public int MinConversations { get; set; }
}
