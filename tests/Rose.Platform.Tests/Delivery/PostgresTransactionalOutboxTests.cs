using Rose.Platform.Tests.Support;
using Rose.Storage;
using Rose.Testing;
using Xunit;

namespace Rose.Platform.Tests.Delivery;

[Collection(PostgresCollection.Name)]
public sealed class PostgresTransactionalOutboxTests(PostgresServer server) : TransactionalOutboxContract
{
    protected override StorageProvider Provider => StorageProvider.PostgreSql;

    protected override Task<string> CreateDatabaseAsync() => server.CreateDatabaseAsync("outbox");
}
