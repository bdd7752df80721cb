using System.Text.Json;
using Microsoft.Extensions.AI;
using Rose.Llm.Configuration;
using Rose.Llm.Tests.Support;
using Rose.Testing;
using WireMock.RequestBuilders;
using Xunit;

namespace Rose.Llm.Tests;

public sealed class AnthropicProviderTests : IDisposable
{
    private const string MessagesPath = "/v1/messages";
    private readonly ExternalApiStub stub = new();

    [Fact]
    public async Task StreamAsync_sends_a_messages_request_with_x_api_key_and_reads_the_event_stream()
    {
        stub.Server.Given(Request.Create().WithPath(MessagesPath).UsingPost())
            .RespondWith(StubResponses.Sse(AnthropicWire.Stream(["SSO is ", "included in Pro."])));
        await using var host = await LlmTestHost.StartAsync(Settings());

        var text = await host.Router.StreamAsync(
            LlmPurposes.Answer,
            "acme",
            [new ChatMessage(ChatRole.System, "You are Rose."), new ChatMessage(ChatRole.User, "Is SSO included?")],
            CancellationToken.None).JoinAsync();

        Assert.Equal("SSO is included in Pro.", text);
        var request = Assert.Single(stub.Server.LogEntries).RequestMessage;
        Assert.Equal("anthropic-secret", request.Headers!["x-api-key"].Single());
        Assert.Equal("2023-06-01", request.Headers["anthropic-version"].Single());
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal("claude-test", body.RootElement.GetProperty("model").GetString());
        Assert.Equal("You are Rose.", body.RootElement.GetProperty("system").GetString());
        Assert.True(body.RootElement.GetProperty("stream").GetBoolean());
        Assert.True(body.RootElement.GetProperty("max_tokens").GetInt32() > 0);
        var message = Assert.Single(body.RootElement.GetProperty("messages").EnumerateArray());
        Assert.Equal("user", message.GetProperty("role").GetString());
    }

    [Fact]
    public async Task CompleteAsync_reads_a_whole_message()
    {
        stub.Server.Given(Request.Create().WithPath(MessagesPath).UsingPost()).RespondWith(StubResponses.Json(AnthropicWire.Message("sso pricing")));
        await using var host = await LlmTestHost.StartAsync(Settings());

        var completion = await host.Router.CompleteAsync(LlmPurposes.QueryRewrite, "acme", [new ChatMessage(ChatRole.User, "and SSO?")], CancellationToken.None);

        Assert.Equal("sso pricing", completion.Text);
        Assert.Equal((30L, 10L, "stop"), (completion.InputTokens, completion.OutputTokens, completion.FinishReason));
        using var body = JsonDocument.Parse(Assert.Single(stub.Server.LogEntries).RequestMessage.Body!);
        Assert.False(body.RootElement.GetProperty("stream").GetBoolean());
    }

    [Fact]
    public async Task StreamAsync_retries_an_overloaded_error_event_before_the_first_token()
    {
        stub.Server.Given(Request.Create().WithPath(MessagesPath).UsingPost()).RespondWith(StubResponses.Sse(AnthropicWire.OverloadedEvent()));
        await using var host = await LlmTestHost.StartAsync(Settings());

        await Assert.ThrowsAsync<Routing.LlmUnavailableException>(() =>
            host.Router.StreamAsync(LlmPurposes.Answer, "acme", [new ChatMessage(ChatRole.User, "hi")], CancellationToken.None).JoinAsync());

        Assert.Equal(3, stub.CallsTo(MessagesPath));
    }

    [Fact]
    public async Task StreamAsync_retries_529_overloaded_status()
    {
        stub.Server.Sequence(MessagesPath, StubResponses.Sse(AnthropicWire.Stream(["fine"])), 529);
        await using var host = await LlmTestHost.StartAsync(Settings());

        var text = await host.Router.StreamAsync(LlmPurposes.Answer, "acme", [new ChatMessage(ChatRole.User, "hi")], CancellationToken.None).JoinAsync();

        Assert.Equal("fine", text);
        Assert.Equal(2, stub.CallsTo(MessagesPath));
    }

    [Fact]
    public async Task StreamAsync_fails_the_turn_when_the_event_stream_is_cut_after_a_token()
    {
        var cut = AnthropicWire.Stream(["SSO is "]);
        cut = cut[..cut.IndexOf("event: content_block_stop", StringComparison.Ordinal)];
        stub.Server.Given(Request.Create().WithPath(MessagesPath).UsingPost()).RespondWith(StubResponses.Sse(cut));
        await using var host = await LlmTestHost.StartAsync(Settings());

        await Assert.ThrowsAsync<Routing.LlmStreamInterruptedException>(() =>
            host.Router.StreamAsync(LlmPurposes.Answer, "acme", [new ChatMessage(ChatRole.User, "hi")], CancellationToken.None).JoinAsync());

        Assert.Equal(1, stub.CallsTo(MessagesPath));
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Rose:Llm:Providers:claude:Kind"] = "Anthropic",
        ["Rose:Llm:Providers:claude:Endpoint"] = stub.Url,
        ["Rose:Llm:Providers:claude:Model"] = "claude-test",
        ["Rose:Llm:Providers:claude:ApiKey"] = "anthropic-secret",
    };

    public void Dispose() => stub.Dispose();
}
