namespace Rose.Crm.HubSpot.Sync;

/// <summary>The full sync workflow's input: ids only, the progress is in the run's row.</summary>
public sealed record HubSpotSyncRunRef(string TenantId, string RunId);
