namespace Rose.Crm.HubSpot.Client;

/// <summary>A CRM object as HubSpot returns it: its id and the properties asked for.</summary>
public sealed record HubSpotObject(string Id, IReadOnlyDictionary<string, string?> Properties)
{
    public string? Property(string name) => Properties.TryGetValue(name, out var value) ? value : null;
}
