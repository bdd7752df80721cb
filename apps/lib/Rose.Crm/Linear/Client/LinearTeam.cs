namespace Rose.Crm.Linear.Client;

/// <summary>A Linear team as its <c>team(id:)</c> query answers it.</summary>
public sealed record LinearTeam(string Id, string Key, string Name);
