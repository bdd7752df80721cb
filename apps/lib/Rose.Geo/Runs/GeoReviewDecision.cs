namespace Rose.Geo.Runs;

/// <summary>Staff's decision on one drafted page: <c>approve</c>, <c>edit</c> (with the new <see cref="Answer"/>, which approves it) or <c>reject</c>.</summary>
public sealed record GeoReviewDecision(string PageId, string Action, string? Answer = null)
{
    public const string Approve = "approve";
    public const string Edit = "edit";
    public const string Reject = "reject";
}
