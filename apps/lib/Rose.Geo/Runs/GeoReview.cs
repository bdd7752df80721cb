namespace Rose.Geo.Runs;

/// <summary>The payload of the <c>geo.review</c> event (and of the review endpoint): decisions on some or all of a run's pages.</summary>
public sealed record GeoReview(IReadOnlyList<GeoReviewDecision> Decisions)
{
    /// <summary>The external event the workflow waits for.</summary>
    public const string EventName = "geo.review";
}
