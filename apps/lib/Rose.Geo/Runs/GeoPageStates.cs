namespace Rose.Geo.Runs;

/// <summary>A page's state on the wire.</summary>
public static class GeoPageStates
{
    public const string PendingReview = "pending-review";

    /// <summary>Approved as drafted or after an edit.</summary>
    public const string Approved = "approved";

    public const string Rejected = "rejected";

    public const string Published = "published";

    /// <summary>Was published, then rejected by a later run: removed from the site.</summary>
    public const string Unpublished = "unpublished";
}
