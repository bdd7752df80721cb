using Rose.Storage;

namespace Rose.Knowledge.Tests;

public sealed class SqliteKnowledgeTests : KnowledgeStoreContract, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("rose-knowledge-").FullName;
    private int databases;

    protected override StorageProvider Provider => StorageProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(folder, $"rose-{Interlocked.Increment(ref databases)}.db")};Pooling=false");

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
