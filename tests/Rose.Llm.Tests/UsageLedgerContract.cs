using Microsoft.Extensions.Time.Testing;
using Rose.Llm.Accounting;
using Rose.Llm.Tests.Support;
using Xunit;

namespace Rose.Llm.Tests;

/// <summary>The usage ledger on each storage provider, through the module's own registration and migrations.</summary>
public abstract class UsageLedgerContract
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 10, 31, 23, 59, 0, TimeSpan.Zero));

    protected abstract Task<Dictionary<string, string?>> StorageSettingsAsync();

    [Fact]
    public async Task Ledger_adds_up_tokens_and_costs_by_month_purpose_provider_and_model()
    {
        await using var host = await LlmTestHost.StartAsync(await StorageSettingsAsync(), time);
        var ledger = host.Ledger;

        await ledger.RecordAsync(new LlmUsage("acme", "answer", "main", "big", 100, 50, 0.0015m, false), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(2));
        await ledger.RecordAsync(new LlmUsage("acme", "answer", "main", "big", 10, 5, 0.000150m, false), CancellationToken.None);
        await ledger.RecordAsync(new LlmUsage("acme", "answer", "main", "big", 20, 5, 0.000250m, true), CancellationToken.None);
        await ledger.RecordAsync(new LlmUsage("acme", "tagging", "backup", "small", 7, 3, 0.000001m, false), CancellationToken.None);
        await ledger.RecordAsync(new LlmUsage("globex", "answer", "main", "big", 1000, 1000, 1m, false), CancellationToken.None);

        var october = Assert.Single(await ledger.TotalsAsync("acme", 2026, 10, CancellationToken.None));
        Assert.Equal(new LlmUsageTotal("answer", "main", "big", 1, 100, 50, 0.0015m), october);
        var november = await ledger.TotalsAsync("acme", 2026, 11, CancellationToken.None);
        Assert.Equal(
            [new LlmUsageTotal("answer", "main", "big", 2, 30, 10, 0.0004m), new LlmUsageTotal("tagging", "backup", "small", 1, 7, 3, 0.000001m)],
            november);
        Assert.Equal(30 + 10 + 7 + 3, await ledger.TokensThisMonthAsync("acme", CancellationToken.None));
        Assert.Equal(2000, await ledger.TokensThisMonthAsync("globex", CancellationToken.None));
        Assert.Equal(0, await ledger.TokensThisMonthAsync("initech", CancellationToken.None));
    }
}
