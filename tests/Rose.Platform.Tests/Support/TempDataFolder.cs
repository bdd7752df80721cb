using Microsoft.Data.Sqlite;

namespace Rose.Platform.Tests.Support;

/// <summary>A throw-away <c>Rose:DataPath</c>; several hosts in a row may use the same one (a "restart").</summary>
public sealed class TempDataFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("rose-platform-").FullName;

    public void Dispose()
    {
        // Pooled connections keep platform.db open.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by an abandoned activity; the OS cleans temp.
        }
    }
}
