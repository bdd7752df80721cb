using Rose.Storage;

namespace Rose.Backoffice.Tests;

public sealed class SqliteBackofficeOneTimeLinksTests : BackofficeOneTimeLinksContract
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(Directory.CreateTempSubdirectory("rose-links-").FullName, "rose.db")}");
}
