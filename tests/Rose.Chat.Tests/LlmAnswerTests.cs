using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rose.Enrichment;
using Rose.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rose.Chat.Tests;

/// <summary>The chat with a real LLM client against a local server speaking OpenAI's wire protocol.</summary>
public sealed class LlmAnswerTests : IDisposable
{
    private readonly ExternalApiStub llm = new();

    [Fact]
    public async Task A_stream_that_breaks_mid_answer_ends_with_an_error_event_and_stores_nothing()
    {
        llm.Server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/event-stream")
                .WithBody(OpenAiWire.BrokenAfterFirstToken("Acme Rocket costs ")));
        await using var app = App();
        var client = new ChatClient(app);
        var tenant = await client.CreateTenantAsync("broken");
        await client.IndexAsync(tenant.ApiKey, "Pricing", AcmeKnowledge.PricingUrl, AcmeKnowledge.Pricing);
        var (id, token) = await client.StartAsync(tenant.PublicKey);

        var events = await client.AskAsync(tenant.PublicKey, id, token, "How much does the Business plan of Acme Rocket cost per month?");

        Assert.Contains(events, e => e.Name == "token");
        Assert.Equal("error", events[^1].Name);
        Assert.Equal("answer_interrupted", events[^1].Data.GetProperty("code").GetString());
        Assert.DoesNotContain(events, e => e.Name == "done");
        var history = await (await client.HistoryAsync(tenant.PublicKey, id, token)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, history.GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task An_llm_answer_streams_its_tokens_and_is_stored_with_its_model()
    {
        llm.Server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/event-stream")
                .WithBody(OpenAiWire.Stream(["The Business plan costs ", "199 euros per month [1]."], model: "stub-model")));
        await using var app = App();
        var client = new ChatClient(app);
        var tenant = await client.CreateTenantAsync("answered");
        await client.IndexAsync(tenant.ApiKey, "Pricing", AcmeKnowledge.PricingUrl, AcmeKnowledge.Pricing);
        var (id, token) = await client.StartAsync(tenant.PublicKey);

        var events = await client.AskAsync(tenant.PublicKey, id, token, "How much does the Business plan of Acme Rocket cost per month?");

        var answer = string.Concat(events.Where(e => e.Name == "token").Select(e => e.Data.GetProperty("text").GetString()));
        Assert.Equal("The Business plan costs 199 euros per month [1].", answer);
        Assert.Equal(AcmeKnowledge.PricingUrl, events.Single(e => e.Name == "citation").Data.GetProperty("url").GetString());
        Assert.Equal("done", events[^1].Name);
        var request = JsonDocument.Parse(llm.Server.LogEntries[^1].RequestMessage.Body!).RootElement;
        Assert.Contains("199 euros", request.GetProperty("messages").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_follow_up_that_refers_back_is_rewritten_by_the_llm_before_retrieval()
    {
        const string Rewritten = "How much does the Business plan of Acme Rocket cost per month?";
        llm.Server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost().WithBody(new WireMock.Matchers.JsonPartialMatcher("""{"stream":true}""")))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/event-stream")
                .WithBody(OpenAiWire.Stream(["It costs ", "199 euros per month [1]."])));
        llm.Server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost())
            .AtPriority(2)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(OpenAiWire.Completion(Rewritten)));
        await using var app = App().With("Rose:Llm:Purposes:query-rewrite", "main");
        var client = new ChatClient(app);
        var tenant = await client.CreateTenantAsync("rewrite");
        await client.IndexAsync(tenant.ApiKey, "Pricing", AcmeKnowledge.PricingUrl, AcmeKnowledge.Pricing);
        await client.IndexAsync(tenant.ApiKey, "Running Acme Rocket", AcmeKnowledge.RunUrl, AcmeKnowledge.Run);
        var (id, token) = await client.StartAsync(tenant.PublicKey);
        await client.AskAsync(tenant.PublicKey, id, token, "Which plans does Acme Rocket offer to its customers?");
        var standalone = await client.AskAsync(tenant.PublicKey, id, token, "How do I start every service of Acme Rocket with Dapr?");
        var beforeFollowUp = llm.Server.LogEntries.Count;

        var followUp = await client.AskAsync(tenant.PublicKey, id, token, "And the Business one?");

        Assert.Equal("done", standalone[^1].Name);
        var rewrites = llm.Server.LogEntries
            .Select((entry, index) => (Index: index, Body: entry.RequestMessage.Body!))
            .Where(call => call.Body.Contains("standalone search query", StringComparison.Ordinal))
            .ToList();
        var rewrite = Assert.Single(rewrites);
        Assert.True(rewrite.Index >= beforeFollowUp, "the self-contained question was sent to the LLM for a rewrite");
        Assert.Contains("And the Business one?", rewrite.Body, StringComparison.Ordinal);
        Assert.Equal(AcmeKnowledge.PricingUrl, followUp.Single(e => e.Name == "citation").Data.GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_company_enrichment_already_knows_reaches_the_answer_prompt_and_the_marketers_list_of_that_tenant_only()
    {
        llm.Server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/event-stream")
                .WithBody(OpenAiWire.Stream(["The Business plan costs ", "199 euros per month [1]."])));
        await using var app = App();
        app.UseKestrel(0);
        var client = new ChatClient(app);
        var known = await client.CreateTenantAsync("enriched");
        var other = await client.CreateTenantAsync("not-enriched");
        await client.IndexAsync(known.ApiKey, "Pricing", AcmeKnowledge.PricingUrl, AcmeKnowledge.Pricing);
        await client.IndexAsync(other.ApiKey, "Pricing", AcmeKnowledge.PricingUrl, AcmeKnowledge.Pricing);
        var companies = app.Services.GetRequiredService<IVisitorCompanies>();
        foreach (var loopback in new[] { IPAddress.Loopback, IPAddress.IPv6Loopback })
        {
            await companies.RememberAsync("enriched", loopback, new VisitorCompany("Globex Corporation", "globex.test", "test"), TimeSpan.FromHours(1), CancellationToken.None);
        }

        const string Question = "How much does the Business plan of Acme Rocket cost per month?";
        var (id, token) = await client.StartAsync(known.PublicKey);
        await client.AskAsync(known.PublicKey, id, token, Question);
        var prompt = AnswerPrompts().Last();
        var (otherId, otherToken) = await client.StartAsync(other.PublicKey);
        await client.AskAsync(other.PublicKey, otherId, otherToken, Question);

        Assert.Contains("Globex Corporation", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("Globex Corporation", AnswerPrompts().Last(), StringComparison.Ordinal);
        var listed = Assert.Single((await client.ConversationsAsync(known.ApiKey)).EnumerateArray());
        Assert.Equal(id, listed.GetProperty("conversationId").GetString());
        Assert.Equal("Globex Corporation", listed.GetProperty("visitorCompany").GetString());
        Assert.Equal(Question, listed.GetProperty("firstQuestion").GetString());
        Assert.Equal(2, listed.GetProperty("messageCount").GetInt32());
        var otherListed = Assert.Single((await client.ConversationsAsync(other.ApiKey)).EnumerateArray());
        Assert.Equal(JsonValueKind.Null, otherListed.GetProperty("visitorCompany").ValueKind);
    }

    public void Dispose() => llm.Dispose();

    // The answer is the streamed call; suggestions and skill choice go to the same stub afterwards.
    private IEnumerable<string> AnswerPrompts() =>
        llm.Server.LogEntries.Select(e => e.RequestMessage.Body!).Where(b => b.Contains("\"stream\":true", StringComparison.Ordinal));

    private RoseAppFactory<Program> App() => new RoseAppFactory<Program>()
        .With("Rose:Demo:Enabled", "false")
        .WithStubLlm(llm.Url, "answer");
}
