namespace Rose.Crm.HubSpot.Client;

/// <summary>A contact to upsert by e-mail, with the properties to set.</summary>
public sealed record HubSpotContactInput(string Email, IReadOnlyDictionary<string, string> Properties);
