using System.Net;
using Microsoft.Extensions.Options;
using Rose.Enrichment.Budget;
using Rose.Enrichment.Settings;
using Rose.Platform.Limits;
using Rose.Testing;
using Xunit;

namespace Rose.Enrichment.Tests;

/// <summary>
/// A tenant's monthly budget at a provider under concurrent lookups: two replicas (each its own
/// counter connection and cascade) on one real Redis and one state store, and one process alone.
/// 0.25 a lookup against 1.30 a month admits exactly 5 lookups; a sixth would spend 1.50.
/// </summary>
public sealed class ProviderBudgetTests : IAsyncLifetime
{
    private static readonly ProviderSettings Terms = new(true, 0.25m, 1.30m);
    private static readonly EnrichmentSettings Settings = EnrichmentSettings.Default with { Providers = new Dictionary<string, ProviderSettings> { ["ipinfo"] = Terms } };
    private readonly IpInfoStub ipinfo = new();
    private readonly RedisServer redis = new();
    private readonly InMemoryStateStore state = new();

    public Task InitializeAsync() => redis.InitializeAsync();

    [Fact]
    public async Task TryChargeAsync_sends_no_lookup_over_budget_when_two_replicas_race_on_shared_redis()
    {
        ipinfo.EveryAddress("Northwind Traders", "northwind.com", TimeSpan.FromMilliseconds(200));
        using var firstRedis = new LimitsRedis(Options.Create(new ClusterLimitsOptions { Redis = redis.ConnectionString }));
        using var secondRedis = new LimitsRedis(Options.Create(new ClusterLimitsOptions { Redis = redis.ConnectionString }));
        var first = new IdentificationCascade([ipinfo.Provider()], new ProviderBudget(new RedisQuotaCounter(firstRedis), state, TimeProvider.System));
        var second = new IdentificationCascade([ipinfo.Provider()], new ProviderBudget(new RedisQuotaCounter(secondRedis), state, TimeProvider.System));

        var results = await Task.WhenAll(Enumerable.Range(1, 40).Select(i =>
            (i % 2 == 0 ? first : second).IdentifyAsync("acme", Settings, IPAddress.Parse($"198.51.100.{i}"), CancellationToken.None)));

        Assert.Equal(5, ipinfo.AllCalls());
        Assert.Equal(5, results.Count(r => r.Asked.Count == 1));
        Assert.Equal(5, results.Count(r => r.Company?.Name == "Northwind Traders"));
        Assert.Equal(1.25m, await new ProviderBudget(new RedisQuotaCounter(firstRedis), state, TimeProvider.System).SpentThisMonthAsync("acme", "ipinfo", CancellationToken.None));
    }

    [Fact]
    public async Task TryChargeAsync_holds_the_budget_in_one_process_across_a_restart_and_per_tenant()
    {
        ipinfo.EveryAddress("Northwind Traders", "northwind.com", TimeSpan.FromMilliseconds(100));
        using var counter = new InProcessQuotaCounter(TimeProvider.System);
        var cascade = new IdentificationCascade([ipinfo.Provider()], new ProviderBudget(counter, state, TimeProvider.System));

        await Task.WhenAll(Enumerable.Range(1, 30).Select(i => cascade.IdentifyAsync("acme", Settings, IPAddress.Parse($"203.0.113.{i}"), CancellationToken.None)));
        Assert.Equal(5, ipinfo.AllCalls());

        // A restart: a new counter, seeded from the ledger, still refuses; another tenant has its own budget.
        using var restarted = new InProcessQuotaCounter(TimeProvider.System);
        var after = new IdentificationCascade([ipinfo.Provider()], new ProviderBudget(restarted, state, TimeProvider.System));
        var refused = await after.IdentifyAsync("acme", Settings, IPAddress.Parse("203.0.113.200"), CancellationToken.None);
        var otherTenant = await after.IdentifyAsync("globex", Settings, IPAddress.Parse("203.0.113.201"), CancellationToken.None);

        Assert.Empty(refused.Asked);
        Assert.Equal(["ipinfo"], otherTenant.Asked);
        Assert.Equal(6, ipinfo.AllCalls());
    }

    [Fact]
    public async Task TryChargeAsync_refuses_every_lookup_when_one_costs_more_than_the_budget()
    {
        using var counter = new InProcessQuotaCounter(TimeProvider.System);
        var budget = new ProviderBudget(counter, state, TimeProvider.System);

        Assert.False(await budget.TryChargeAsync("acme", "ipinfo", new ProviderSettings(true, 2m, 1m), CancellationToken.None));
        Assert.True(await budget.TryChargeAsync("acme", "ipinfo", new ProviderSettings(true, 2m, null), CancellationToken.None));
        Assert.Equal(2m, await budget.SpentThisMonthAsync("acme", "ipinfo", CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        ipinfo.Dispose();
        await redis.DisposeAsync();
    }
}
