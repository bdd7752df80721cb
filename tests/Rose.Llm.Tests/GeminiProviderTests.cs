using System.Text.Json;
using Microsoft.Extensions.AI;
using Rose.Llm.Configuration;
using Rose.Llm.Tests.Support;
using Rose.Testing;
using WireMock.RequestBuilders;
using Xunit;

namespace Rose.Llm.Tests;

public sealed class GeminiProviderTests : IDisposable
{
    private const string StreamPath = "/v1beta/models/gemini-test:streamGenerateContent";
    private const string WholePath = "/v1beta/models/gemini-test:generateContent";
    private readonly ExternalApiStub stub = new();

    [Fact]
    public async Task StreamAsync_calls_stream_generate_content_with_sse_and_the_key_header()
    {
        stub.Server.Given(Request.Create().WithPath(StreamPath).UsingPost())
            .RespondWith(StubResponses.Sse(GeminiWire.Stream(["Yes, ", "there is a free trial."])));
        await using var host = await LlmTestHost.StartAsync(Settings());

        var text = await host.Router.StreamAsync(
            LlmPurposes.Answer,
            "acme",
            [new ChatMessage(ChatRole.System, "You are Rose."), new ChatMessage(ChatRole.User, "Is there a trial?")],
            CancellationToken.None).JoinAsync();

        Assert.Equal("Yes, there is a free trial.", text);
        var request = Assert.Single(stub.Server.LogEntries).RequestMessage;
        Assert.Equal(StreamPath, request.Path);
        Assert.Equal("sse", request.Query!["alt"].Single());
        Assert.Equal("gemini-secret", request.Headers!["x-goog-api-key"].Single());
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal("You are Rose.", body.RootElement.GetProperty("systemInstruction").GetProperty("parts")[0].GetProperty("text").GetString());
        var content = Assert.Single(body.RootElement.GetProperty("contents").EnumerateArray());
        Assert.Equal("user", content.GetProperty("role").GetString());
        Assert.Equal("Is there a trial?", content.GetProperty("parts")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task CompleteAsync_calls_generate_content()
    {
        stub.Server.Given(Request.Create().WithPath(WholePath).UsingPost()).RespondWith(StubResponses.Json(GeminiWire.Whole("free trial")));
        await using var host = await LlmTestHost.StartAsync(Settings());

        var completion = await host.Router.CompleteAsync(LlmPurposes.QueryRewrite, "acme", [new ChatMessage(ChatRole.User, "trial?")], CancellationToken.None);

        Assert.Equal("free trial", completion.Text);
        Assert.Equal((18L, 6L), (completion.InputTokens, completion.OutputTokens));
        Assert.Equal(1, stub.CallsTo(WholePath));
    }

    [Fact]
    public async Task StreamAsync_retries_a_429_exactly_max_retries_times()
    {
        stub.Server.Status(StreamPath, 429);
        await using var host = await LlmTestHost.StartAsync(Settings());

        await Assert.ThrowsAsync<Routing.LlmUnavailableException>(() =>
            host.Router.StreamAsync(LlmPurposes.Answer, "acme", [new ChatMessage(ChatRole.User, "hi")], CancellationToken.None).JoinAsync());

        Assert.Equal(3, stub.CallsTo(StreamPath));
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Rose:Llm:Providers:gemini:Kind"] = "Gemini",
        ["Rose:Llm:Providers:gemini:Endpoint"] = stub.Url,
        ["Rose:Llm:Providers:gemini:Model"] = "gemini-test",
        ["Rose:Llm:Providers:gemini:ApiKey"] = "gemini-secret",
    };

    public void Dispose() => stub.Dispose();
}
