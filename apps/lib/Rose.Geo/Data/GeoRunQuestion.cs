using Rose.Storage;

namespace Rose.Geo.Data;

/// <summary>A visitor question a run collected, already without personal data; the cluster it joined once clustered.</summary>
public sealed class GeoRunQuestion : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public string RunId { get; set; } = string.Empty;

    /// <summary>Order of collection, from 0: the key within the run, so that a retried collect rewrites the same rows.</summary>
    public int Position { get; set; }

    public string ConversationId { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    /// <summary>The page id of the cluster it joined; null while unclustered or when its cluster was too small.</summary>
    public string? PageId { get; set; }
}
