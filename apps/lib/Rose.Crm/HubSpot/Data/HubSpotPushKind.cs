namespace Rose.Crm.HubSpot.Data;

/// <summary>What Rose pushes to HubSpot.</summary>
public enum HubSpotPushKind
{
    /// <summary>A visitor left an e-mail (<c>lead.captured</c>).</summary>
    LeadCaptured,

    /// <summary>A visitor became a hot lead (<c>lead.qualified</c>).</summary>
    LeadQualified,

    /// <summary>An erasure in Rose, forwarded to HubSpot's GDPR delete.</summary>
    GdprDelete,
}
