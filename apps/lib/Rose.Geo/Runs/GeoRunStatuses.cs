namespace Rose.Geo.Runs;

/// <summary>A run's status on the wire.</summary>
public static class GeoRunStatuses
{
    public const string Running = "running";

    /// <summary>Drafts wait for staff; until every page is decided.</summary>
    public const string AwaitingReview = "awaiting-review";

    public const string Publishing = "publishing";

    public const string Published = "published";

    /// <summary>There was nothing to publish (no cluster, only gaps, or every draft rejected with nothing to remove).</summary>
    public const string Completed = "completed";

    public const string Failed = "failed";
}
