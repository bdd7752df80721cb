namespace Rose.Crm.HubSpot.Client;

/// <summary>Who a call is for: the tenant (its rate-limit window) and the access token to send. Never logged.</summary>
public sealed record HubSpotAccess(string TenantId, string AccessToken)
{
    public override string ToString() => $"HubSpotAccess {{ TenantId = {TenantId} }}";
}
