using Rose.Platform.Tests.Support;
using Rose.Storage;

namespace Rose.Platform.Tests.Delivery;

public sealed class SqliteTransactionalOutboxTests : TransactionalOutboxContract, IDisposable
{
    private readonly TempDataFolder folder = new();

    protected override StorageProvider Provider => StorageProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult($"Data Source={Path.Combine(folder.Path, "rose.db")}");

    public void Dispose() => folder.Dispose();
}
