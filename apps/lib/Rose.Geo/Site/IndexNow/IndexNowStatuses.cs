namespace Rose.Geo.Site.IndexNow;

/// <summary>How IndexNow answered, as <see cref="GeoPublishOutcome.IndexNowStatus"/> carries it on the wire.</summary>
public static class IndexNowStatuses
{
    /// <summary>200 or 202.</summary>
    public const string Accepted = "accepted";

    /// <summary>422: the URLs do not belong to the host, or the key does not match the key file.</summary>
    public const string Rejected = "rejected";

    /// <summary>429: too many requests; the next publish pings again.</summary>
    public const string Throttled = "throttled";

    /// <summary>Any other answer, or none.</summary>
    public const string Failed = "failed";

    /// <summary>Nothing changed, so nothing was sent.</summary>
    public const string Skipped = "skipped";
}
