using Rose.Storage;
using Rose.Testing;
using Xunit;

namespace Rose.Backoffice.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresBackofficeOneTimeLinksTests(PostgresServer server) : BackofficeOneTimeLinksContract
{
    protected override StorageProvider Provider => StorageProvider.PostgreSql;

    protected override Task<string> CreateDatabaseAsync() => server.CreateDatabaseAsync("links");
}
