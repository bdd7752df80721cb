namespace Rose.Storage.Tests;

public sealed class SqliteStorageTests : StorageContract, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("rose-sqlite-").FullName;

    protected override StorageProvider Provider => StorageProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(folder, "rose.db")};Pooling=false");

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
