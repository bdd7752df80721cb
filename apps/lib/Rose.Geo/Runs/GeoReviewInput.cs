namespace Rose.Geo.Runs;

/// <summary>One review event, as the activity that records it receives it.</summary>
public sealed record GeoReviewInput(GeoRunRef Run, GeoReview Review);
