using Rose.Testing;
using Xunit;

namespace Rose.Tenancy.Tests;

/// <summary>
/// The standalone host (every module, the embedded runtime: platform.db state and deliveries, file
/// blobs, the embedded workflow runner) on a real PostgreSQL database, for the off-boarding tests.
/// </summary>
public sealed class OffboardingHost : IAsyncLifetime
{
    private readonly PostgresServer postgres = new();

    public RoseAppFactory<Program> App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await postgres.InitializeAsync();
        var database = await postgres.CreateDatabaseAsync("offboarding");
        App = new RoseAppFactory<Program>()
            .With("Rose:Storage:Provider", "PostgreSql")
            .With("Rose:Storage:ConnectionString", database)
            .With("Rose:Demo:Enabled", "false");
        _ = App.Server;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await postgres.DisposeAsync();
    }
}
