namespace Rose.Crm.HubSpot.Api;

/// <summary>A full sync's progress.</summary>
/// <param name="Phase"><c>contacts</c>, <c>companies</c>, <c>completed</c> or <c>failed</c>.</param>
public sealed record HubSpotSyncRunView(string Id, string Phase, int Contacts, int Companies, string? Error, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt);
