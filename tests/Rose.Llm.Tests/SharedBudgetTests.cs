using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Rose.Llm.Configuration;
using Rose.Llm.Routing;
using Rose.Llm.Tests.Support;
using Rose.Testing;
using WireMock.RequestBuilders;
using Xunit;

namespace Rose.Llm.Tests;

/// <summary>
/// Two replicas of an app (two service providers, as two pods compose the module) on one PostgreSQL
/// ledger and one Redis: a tenant's monthly budget holds between them.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedBudgetTests(PostgresServer postgres) : IAsyncLifetime
{
    private const long Budget = 100;
    private const long TokensPerCall = 12 + 7;
    private static readonly ChatMessage[] Question = [new(ChatRole.User, "What does it cost?")];
    private readonly ExternalApiStub main = new();
    private readonly RedisServer redis = new();

    public Task InitializeAsync() => redis.InitializeAsync();

    [Fact]
    public async Task Replicas_calling_at_once_overshoot_the_shared_budget_by_at_most_one_call()
    {
        // Slow answers: every call of the first wave is in flight before any is accounted.
        main.Server.Given(Request.Create().WithPath(StubResponses.ChatPath).UsingPost())
            .RespondWith(StubResponses.Sse(OpenAiWire.Stream(["49 euros"], promptTokens: 12, completionTokens: 7)).WithDelay(TimeSpan.FromMilliseconds(300)));
        var settings = await SettingsAsync();
        await using var first = await LlmTestHost.StartAsync(settings);
        await using var second = await LlmTestHost.StartAsync(settings);

        var wave = Enumerable.Range(0, 20).Select(i => CallAsync(i % 2 == 0 ? first : second));
        var outcomes = (await Task.WhenAll(wave)).ToList();
        // Then one at a time until the budget says no, alternating replicas.
        for (var i = 0; i < 20; i++)
        {
            var answered = await CallAsync(i % 2 == 0 ? first : second);
            outcomes.Add(answered);
            if (!answered)
            {
                break;
            }
        }

        var spent = await first.Ledger.TokensThisMonthAsync("acme", CancellationToken.None);
        Assert.Contains(false, outcomes);
        Assert.True(spent >= Budget, $"the budget was used up ({spent} of {Budget} tokens)");
        Assert.True(spent <= Budget + TokensPerCall, $"{spent} tokens spent of a {Budget} budget: more than one call beyond it");
        Assert.Equal(spent / TokensPerCall, outcomes.Count(o => o));
        Assert.Equal(outcomes.Count(o => o), main.CallsTo(StubResponses.ChatPath));
    }

    [Fact]
    public async Task A_replica_that_joins_later_refuses_a_tenant_whose_budget_the_other_spent()
    {
        main.Server.OpenAiStream("49 euros");
        var settings = await SettingsAsync();
        await using var first = await LlmTestHost.StartAsync(settings);
        while (await CallAsync(first))
        {
        }

        await using var second = await LlmTestHost.StartAsync(settings);

        Assert.False(await CallAsync(second));
        Assert.True(await CallAsync(second, "globex"));
    }

    [Fact]
    public async Task Budget_is_held_in_process_and_turns_answered_while_the_counters_Redis_is_down()
    {
        main.Server.OpenAiStream("49 euros");
        using var logs = new RecordedLogs();
        await using var host = await LlmTestHost.StartAsync(await SettingsAsync(), logs: logs);
        Assert.True(await CallAsync(host));

        redis.Stop();
        var outcomes = new List<bool>();
        for (var i = 0; i < 20 && (outcomes.Count == 0 || outcomes[^1]); i++)
        {
            outcomes.Add(await CallAsync(host));
        }

        // Answered first (the outage does not fail the turn), refused once the ledger's total reaches the
        // budget (the outage does not lift it either), and the outage said once.
        var spent = await host.Ledger.TokensThisMonthAsync("acme", CancellationToken.None);
        Assert.True(outcomes[0], "the first call after Redis stopped was answered");
        Assert.False(outcomes[^1], $"the budget still held while Redis was down ({spent} of {Budget} tokens spent)");
        Assert.True(spent <= Budget + TokensPerCall, $"{spent} tokens spent of a {Budget} budget");
        Assert.True(await CallAsync(host, "globex"), "another tenant with budget left is answered");
        var warnings = logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.Contains("Redis unreachable", StringComparison.Ordinal)).ToList();
        Assert.Single(warnings);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error && e.Category.StartsWith("Rose.", StringComparison.Ordinal));
    }

    private async Task<Dictionary<string, string?>> SettingsAsync()
    {
        var settings = TestSettings.OpenAiCompatible("main", main.Url);
        settings["Rose:Storage:Provider"] = "PostgreSql";
        settings["Rose:Storage:ConnectionString"] = await postgres.CreateDatabaseAsync("llmbudget");
        settings["Rose:Limits:Redis"] = redis.ConnectionString;
        settings["Rose:Llm:Tenants:acme:MonthlyTokenBudget"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // A call reserves its prompt (5 tokens) and at most 20 answer tokens: a little more than it uses.
        settings["Rose:Llm:MaxOutputTokens"] = "20";
        return settings;
    }

    /// <summary>True when the LLM answered, false when the budget refused the call.</summary>
    private static async Task<bool> CallAsync(LlmTestHost host, string tenantId = "acme")
    {
        try
        {
            await host.Router.StreamAsync(LlmPurposes.Answer, tenantId, Question, CancellationToken.None).JoinAsync();
            return true;
        }
        catch (LlmUnavailableException e) when (e.Reason == LlmUnavailableReason.BudgetSpent)
        {
            return false;
        }
    }

    public async Task DisposeAsync()
    {
        main.Dispose();
        await redis.DisposeAsync();
    }
}
