namespace Rose.Crm.HubSpot.Data;

/// <summary>Where a full sync is.</summary>
public enum HubSpotSyncPhase
{
    Contacts,
    Companies,
    Completed,
    Failed,
}
