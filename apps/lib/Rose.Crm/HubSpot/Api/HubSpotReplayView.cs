namespace Rose.Crm.HubSpot.Api;

/// <summary>How a replay ended: <c>pushed</c>, <c>not-connected</c>, <c>skipped</c> or <c>failed</c> (then the failure stays, with one more attempt).</summary>
public sealed record HubSpotReplayView(string Outcome);
