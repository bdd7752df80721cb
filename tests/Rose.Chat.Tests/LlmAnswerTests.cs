using System.Net.Http.Json;
using System.Text.Json;
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

    public void Dispose() => llm.Dispose();

    private RoseAppFactory<Program> App() => new RoseAppFactory<Program>()
        .With("Rose:Demo:Enabled", "false")
        .With("Rose:Llm:Providers:main:Kind", "OpenAICompatible")
        .With("Rose:Llm:Providers:main:Endpoint", llm.Url + "/v1")
        .With("Rose:Llm:Providers:main:Model", "stub-model")
        .With("Rose:Llm:Providers:main:ApiKey", "test-key")
        .With("Rose:Llm:Providers:main:MaxRetries", "0")
        .With("Rose:Llm:Purposes:answer", "main");
}
