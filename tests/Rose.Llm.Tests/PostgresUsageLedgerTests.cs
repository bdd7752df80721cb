using Rose.Testing;
using Xunit;

namespace Rose.Llm.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresUsageLedgerTests(PostgresServer server) : UsageLedgerContract
{
    // The prefix is long enough for the fixture, which cuts names at 40 characters.
    protected override async Task<Dictionary<string, string?>> StorageSettingsAsync() => new()
    {
        ["Rose:Storage:Provider"] = "PostgreSql",
        ["Rose:Storage:ConnectionString"] = await server.CreateDatabaseAsync("llmusage"),
    };
}
