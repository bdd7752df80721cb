namespace Rose.Llm.Tests;

public sealed class SqliteUsageLedgerTests : UsageLedgerContract
{
    // LlmTestHost puts every host on a fresh SQLite file already.
    protected override Task<Dictionary<string, string?>> StorageSettingsAsync() => Task.FromResult(new Dictionary<string, string?>());
}
