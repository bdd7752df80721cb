namespace Rose.Crm.Tests.HubSpot;

/// <summary>The end-to-end contract on the standalone host's SQLite file, as <c>dotnet run --project apps/standalone</c> runs.</summary>
public sealed class SqliteHubSpotEndToEndTests : HubSpotEndToEndContract
{
    protected override Task<string?> DatabaseAsync() => Task.FromResult<string?>(null);
}
