using Rose.Crm.HubSpot.Sync;

namespace Rose.Workflows.Models;

/// <summary>Why a HubSpot full sync stopped.</summary>
public sealed record HubSpotSyncFailure(HubSpotSyncRunRef Run, string Reason);
