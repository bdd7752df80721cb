using System.Text.Json;
using Microsoft.Extensions.AI;
using Rose.Llm.Configuration;
using Rose.Llm.Tests.Support;
using Rose.Testing;
using Xunit;

namespace Rose.Llm.Tests;

public sealed class OpenAiCompatibleProviderTests : IDisposable
{
    private readonly ExternalApiStub stub = new();

    [Fact]
    public async Task StreamAsync_sends_an_openai_streaming_request_and_yields_the_deltas()
    {
        stub.Server.OpenAiStream("Our ", "plans ", "start at 49 €.");
        await using var host = await LlmTestHost.StartAsync(TestSettings.OpenAiCompatible("main", stub.Url, "llama-3.3-70b"));

        var text = await host.Router.StreamAsync(LlmPurposes.Answer, "acme", [new ChatMessage(ChatRole.System, "Be brief."), new ChatMessage(ChatRole.User, "What does it cost?")], CancellationToken.None).JoinAsync();

        Assert.Equal("Our plans start at 49 €.", text);
        var request = Assert.Single(stub.Server.LogEntries).RequestMessage;
        Assert.Equal(StubResponses.ChatPath, request.Path);
        Assert.Equal("Bearer test-key-main", request.Headers!["Authorization"].Single());
        using var body = JsonDocument.Parse(request.Body!);
        Assert.True(body.RootElement.GetProperty("stream").GetBoolean());
        Assert.Equal("llama-3.3-70b", body.RootElement.GetProperty("model").GetString());
        var messages = body.RootElement.GetProperty("messages");
        Assert.Equal("system", messages[0].GetProperty("role").GetString());
        Assert.Equal("What does it cost?", messages[1].GetProperty("content").GetString());
    }

    [Fact]
    public async Task CompleteAsync_sends_a_non_streaming_request()
    {
        stub.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(StubResponses.ChatPath).UsingPost())
            .RespondWith(StubResponses.Json(OpenAiWire.Completion("pricing plans")));
        await using var host = await LlmTestHost.StartAsync(TestSettings.OpenAiCompatible("main", stub.Url));

        var completion = await host.Router.CompleteAsync(LlmPurposes.QueryRewrite, "acme", [new ChatMessage(ChatRole.User, "how much?")], CancellationToken.None);

        Assert.Equal("pricing plans", completion.Text);
        Assert.Equal("main", completion.Provider);
        using var body = JsonDocument.Parse(Assert.Single(stub.Server.LogEntries).RequestMessage.Body!);
        Assert.False(body.RootElement.TryGetProperty("stream", out var stream) && stream.GetBoolean());
    }

    [Fact]
    public async Task StreamAsync_uses_the_fast_model_for_a_simple_question()
    {
        stub.Server.OpenAiStream("Yes.");
        var settings = TestSettings.OpenAiCompatible("main", stub.Url, "big-model");
        settings["Rose:Llm:Providers:main:FastModel"] = "fast-model";
        await using var host = await LlmTestHost.StartAsync(settings);

        await host.Router.StreamAsync(LlmPurposes.Answer, "acme", [new ChatMessage(ChatRole.User, "Do you have an API?")], CancellationToken.None).JoinAsync();
        await host.Router.StreamAsync(LlmPurposes.Answer, "acme", [new ChatMessage(ChatRole.User,
            "How does your SSO integration compare with Okta and Azure AD, and why would we migrate our existing SAML setup?")], CancellationToken.None).JoinAsync();

        var models = stub.Server.LogEntries.Select(e => JsonDocument.Parse(e.RequestMessage.Body!).RootElement.GetProperty("model").GetString()).ToList();
        Assert.Equal(["fast-model", "big-model"], models);
    }

    [Fact]
    public async Task StreamAsync_uses_the_model_a_chain_link_names()
    {
        stub.Server.OpenAiStream("ok");
        var settings = TestSettings.OpenAiCompatible("main", stub.Url, "big-model");
        settings["Rose:Llm:Purposes:tagging"] = "main:llama3.1:8b";
        await using var host = await LlmTestHost.StartAsync(settings);

        await host.Router.StreamAsync(LlmPurposes.Tagging, "acme", [new ChatMessage(ChatRole.User, "tag this")], CancellationToken.None).JoinAsync();

        Assert.Equal("llama3.1:8b", JsonDocument.Parse(Assert.Single(stub.Server.LogEntries).RequestMessage.Body!).RootElement.GetProperty("model").GetString());
    }

    public void Dispose() => stub.Dispose();
}
