using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Rose.Llm.Accounting.Data;
using Rose.Llm.Answering;
using Rose.Llm.Configuration;
using Rose.Llm.Tests.Support;
using Rose.Storage;
using Rose.Testing;
using WireMock.RequestBuilders;
using Xunit;

namespace Rose.Llm.Tests;

public sealed class AccountingTests : IDisposable
{
    private static readonly ChatMessage[] Question = [new(ChatRole.User, "What does it cost?")];
    private readonly ExternalApiStub main = new();
    private readonly ExternalApiStub backup = new();

    [Fact]
    public async Task Usage_adds_up_by_purpose_provider_and_model_with_costs()
    {
        main.Server.Given(Request.Create().WithPath(StubResponses.ChatPath).UsingPost().WithBody(b => b!.Contains("\"stream\":true", StringComparison.Ordinal)))
            .RespondWith(StubResponses.Sse(OpenAiWire.Stream(["49 euros"], promptTokens: 12, completionTokens: 7)));
        main.Server.Given(Request.Create().WithPath(StubResponses.ChatPath).UsingPost().WithBody(b => !b!.Contains("\"stream\":true", StringComparison.Ordinal)))
            .RespondWith(StubResponses.Json(OpenAiWire.Completion("pricing", promptTokens: 20, completionTokens: 9)));
        await using var host = await LlmTestHost.StartAsync(Settings());

        await host.Router.StreamAsync(LlmPurposes.Answer, "acme", Question, CancellationToken.None).JoinAsync();
        await host.Router.StreamAsync(LlmPurposes.Answer, "acme", Question, CancellationToken.None).JoinAsync();
        await host.Router.CompleteAsync(LlmPurposes.QueryRewrite, "acme", Question, CancellationToken.None);

        var now = DateTimeOffset.UtcNow;
        var totals = await host.Ledger.TotalsAsync("acme", now.Year, now.Month, CancellationToken.None);
        Assert.Equal(2, totals.Count);
        var answer = totals.Single(t => t.Purpose == LlmPurposes.Answer);
        Assert.Equal(("main", "small-model", 2, 24L, 14L), (answer.Provider, answer.Model, answer.Calls, answer.InputTokens, answer.OutputTokens));
        Assert.Equal(0.00012m, answer.CostUsd);
        var rewrite = totals.Single(t => t.Purpose == LlmPurposes.QueryRewrite);
        Assert.Equal((1, 20L, 9L, 0.000084m), (rewrite.Calls, rewrite.InputTokens, rewrite.OutputTokens, rewrite.CostUsd));
        Assert.Equal(24 + 14 + 20 + 9, await host.Ledger.TokensThisMonthAsync("acme", CancellationToken.None));
    }

    [Fact]
    public async Task Usage_is_kept_per_tenant()
    {
        main.Server.OpenAiStream("49 euros");
        await using var host = await LlmTestHost.StartAsync(Settings());

        await host.Router.StreamAsync(LlmPurposes.Answer, "acme", Question, CancellationToken.None).JoinAsync();

        Assert.Equal(19, await host.Ledger.TokensThisMonthAsync("acme", CancellationToken.None));
        Assert.Equal(0, await host.Ledger.TokensThisMonthAsync("globex", CancellationToken.None));
    }

    [Fact]
    public async Task Only_the_provider_that_answered_is_billed_after_a_fallback()
    {
        main.Server.Status(StubResponses.ChatPath, 500);
        backup.Server.OpenAiStream("from backup");
        var settings = TestSettings.Merge(Settings(), TestSettings.OpenAiCompatible("backup", backup.Url, "backup-model"));
        settings["Rose:Llm:Purposes:answer"] = "main,backup";
        await using var host = await LlmTestHost.StartAsync(settings);

        await host.Router.StreamAsync(LlmPurposes.Answer, "acme", Question, CancellationToken.None).JoinAsync();

        var now = DateTimeOffset.UtcNow;
        var total = Assert.Single(await host.Ledger.TotalsAsync("acme", now.Year, now.Month, CancellationToken.None));
        Assert.Equal(("backup", "backup-model", 1), (total.Provider, total.Model, total.Calls));
    }

    [Fact]
    public async Task Usage_is_estimated_and_flagged_when_the_provider_reports_none()
    {
        main.Server.Given(Request.Create().WithPath(StubResponses.ChatPath).UsingPost())
            .RespondWith(StubResponses.Sse(OpenAiWire.Stream(["Sixteen characters"], includeUsage: false)));
        await using var host = await LlmTestHost.StartAsync(Settings());

        await host.Router.StreamAsync(LlmPurposes.Answer, "acme", Question, CancellationToken.None).JoinAsync();

        await using var scope = host.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use("acme");
        var record = await scope.ServiceProvider.GetRequiredService<LlmDbContext>().Usage.SingleAsync();
        Assert.True(record.Estimated);
        Assert.Equal(5, record.OutputTokens);
        Assert.True(record.InputTokens > 0);
    }

    [Fact]
    public async Task Spent_budget_switches_the_tenant_to_the_offline_composer_and_leaves_others_alone()
    {
        main.Server.OpenAiStream("The Pro plan costs 49 euros [1].");
        var settings = Settings();
        settings["Rose:Llm:Tenants:acme:MonthlyTokenBudget"] = "19";
        await using var host = await LlmTestHost.StartAsync(settings);
        var passages = Fixtures.Passages("acme-en");

        var first = await host.Answers.AnswerAsync(new AnswerRequest("acme", "How much does the Pro plan cost?", passages), CancellationToken.None);
        var second = await host.Answers.AnswerAsync(new AnswerRequest("acme", "How much does the Pro plan cost?", passages), CancellationToken.None);
        var otherTenant = await host.Answers.AnswerAsync(new AnswerRequest("globex", "How much does the Pro plan cost?", passages), CancellationToken.None);

        Assert.Equal(AnswerSource.Llm, first.Source);
        Assert.Equal(AnswerSource.Offline, second.Source);
        Assert.Equal(OfflineReason.BudgetSpent, second.OfflineReason);
        Assert.Contains("49 euros", second.Text, StringComparison.Ordinal);
        Assert.Equal(AnswerSource.Llm, otherTenant.Source);
        Assert.Equal(2, main.CallsTo(StubResponses.ChatPath));
    }

    [Fact]
    public async Task Answers_go_on_when_the_ledger_cannot_be_read()
    {
        main.Server.OpenAiStream("49 euros");
        var settings = Settings();
        settings["Rose:Llm:MonthlyTokenBudget"] = "1000";
        await using var host = await LlmTestHost.StartAsync(settings);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use("acme");
            await scope.ServiceProvider.GetRequiredService<LlmDbContext>().Database.ExecuteSqlRawAsync("DROP TABLE llm_usage");
        }

        Assert.Equal("49 euros", await host.Router.StreamAsync(LlmPurposes.Answer, "acme", Question, CancellationToken.None).JoinAsync());
    }

    private Dictionary<string, string?> Settings()
    {
        var settings = TestSettings.OpenAiCompatible("main", main.Url);
        settings["Rose:Llm:Providers:main:InputCostPerMillionTokens"] = "1.5";
        settings["Rose:Llm:Providers:main:OutputCostPerMillionTokens"] = "6";
        return settings;
    }

    public void Dispose()
    {
        main.Dispose();
        backup.Dispose();
    }
}
