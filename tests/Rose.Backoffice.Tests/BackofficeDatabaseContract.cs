using Rose.Storage;
using Xunit;

namespace Rose.Backoffice.Tests;

/// <summary>A contract run once per storage provider, each test on a database of its own.</summary>
public abstract class BackofficeDatabaseContract : IAsyncLifetime
{
    protected string ConnectionString { get; private set; } = string.Empty;

    protected abstract StorageProvider Provider { get; }

    protected abstract Task<string> CreateDatabaseAsync();

    public async Task InitializeAsync() => ConnectionString = await CreateDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
