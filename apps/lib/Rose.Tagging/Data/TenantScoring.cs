using Rose.Storage;

namespace Rose.Tagging.Data;

/// <summary>A tenant's scoring settings; a tenant without a row scores with the defaults.</summary>
public sealed class TenantScoring : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public List<string> Industries { get; set; } = [];

    public int? SizeMin { get; set; }

    public int? SizeMax { get; set; }

    public List<string> Countries { get; set; } = [];

    /// <summary>Overridden weights, key → points, as JSON.</summary>
    public string Weights { get; set; } = "{}";

    public int HotThreshold { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
