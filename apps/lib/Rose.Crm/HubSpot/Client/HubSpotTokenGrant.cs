namespace Rose.Crm.HubSpot.Client;

/// <summary>What HubSpot's OAuth token endpoint grants.</summary>
public sealed record HubSpotTokenGrant(string AccessToken, string RefreshToken, TimeSpan ExpiresIn)
{
    public override string ToString() => $"HubSpotTokenGrant {{ ExpiresIn = {ExpiresIn} }}";
}
