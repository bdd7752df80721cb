using Rose.Storage;

namespace Rose.Backoffice.Tests;

public sealed class SqliteBackofficeAccountsTests : BackofficeAccountsContract
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(Directory.CreateTempSubdirectory("rose-accounts-").FullName, "rose.db")}");
}
