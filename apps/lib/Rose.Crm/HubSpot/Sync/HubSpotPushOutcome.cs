namespace Rose.Crm.HubSpot.Sync;

/// <summary>How one push to HubSpot ended.</summary>
public enum HubSpotPushOutcome
{
    Pushed,

    /// <summary>The tenant has no HubSpot connection: nothing to do, nothing to retry.</summary>
    NotConnected,

    /// <summary>Nothing to push: no e-mail for this lead (HubSpot keys contacts by e-mail), or HubSpot's team deleted the contact.</summary>
    Skipped,

    /// <summary>HubSpot failed after the retries: recorded in the tenant's failures for a replay.</summary>
    Failed,
}
