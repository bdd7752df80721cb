using Rose.Testing;
using Xunit;

namespace Rose.Storage.Tests;

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresStorageTests(PostgresServer server) : StorageContract
{
    protected override StorageProvider Provider => StorageProvider.PostgreSql;

    protected override Task<string> CreateDatabaseAsync() => server.CreateDatabaseAsync("storage");
}
