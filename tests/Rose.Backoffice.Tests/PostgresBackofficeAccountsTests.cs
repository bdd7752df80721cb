using Rose.Storage;
using Rose.Testing;
using Xunit;

namespace Rose.Backoffice.Tests;

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresBackofficeAccountsTests(PostgresServer server) : BackofficeAccountsContract
{
    protected override StorageProvider Provider => StorageProvider.PostgreSql;

    protected override Task<string> CreateDatabaseAsync() => server.CreateDatabaseAsync("accounts");
}
