using Rose.Testing;
using Xunit;

namespace Rose.Crm.Tests.HubSpot;

/// <summary>The end-to-end contract on a real PostgreSQL server, as the apps run on Dapr and Kubernetes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresHubSpotEndToEndTests(PostgresServer server) : HubSpotEndToEndContract
{
    protected override async Task<string?> DatabaseAsync() => await server.CreateDatabaseAsync("hubspot");
}
