namespace Rose.Crm.HubSpot.Client;

/// <summary>One page of a list or search; <see cref="After"/> is the cursor of the next page, null on the last.</summary>
public sealed record HubSpotPage(IReadOnlyList<HubSpotObject> Results, string? After);
