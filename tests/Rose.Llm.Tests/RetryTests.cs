using System.Diagnostics;
using Microsoft.Extensions.AI;
using Rose.Llm.Configuration;
using Rose.Llm.Routing;
using Rose.Llm.Tests.Support;
using Rose.Testing;
using Xunit;

namespace Rose.Llm.Tests;

public sealed class RetryTests : IDisposable
{
    private static readonly ChatMessage[] Question = [new(ChatRole.User, "What does it cost?")];
    private readonly ExternalApiStub primary = new();
    private readonly ExternalApiStub backup = new();

    [Theory]
    [InlineData(500)]
    [InlineData(429)]
    [InlineData(503)]
    public async Task StreamAsync_retries_exactly_max_retries_times_then_falls_back_when_the_provider_keeps_failing(int status)
    {
        primary.Server.Status(StubResponses.ChatPath, status);
        backup.Server.OpenAiStream("from backup");
        await using var host = await StartAsync();

        var text = await host.Router.StreamAsync(LlmPurposes.Answer, "acme", Question, CancellationToken.None).JoinAsync();

        Assert.Equal("from backup", text);
        Assert.Equal(3, primary.CallsTo(StubResponses.ChatPath));
        Assert.Equal(1, backup.CallsTo(StubResponses.ChatPath));
    }

    [Fact]
    public async Task StreamAsync_succeeds_on_the_same_provider_when_a_retry_works()
    {
        primary.Server.Sequence(StubResponses.ChatPath, StubResponses.Sse(OpenAiWire.Stream(["second ", "time"])), 429, 500);
        backup.Server.OpenAiStream("from backup");
        await using var host = await StartAsync();

        var text = await host.Router.StreamAsync(LlmPurposes.Answer, "acme", Question, CancellationToken.None).JoinAsync();

        Assert.Equal("second time", text);
        Assert.Equal(3, primary.CallsTo(StubResponses.ChatPath));
        Assert.Equal(0, backup.CallsTo(StubResponses.ChatPath));
    }

    [Fact]
    public async Task StreamAsync_does_not_retry_a_client_error()
    {
        primary.Server.Status(StubResponses.ChatPath, 400);
        backup.Server.OpenAiStream("from backup");
        await using var host = await StartAsync();

        await host.Router.StreamAsync(LlmPurposes.Answer, "acme", Question, CancellationToken.None).JoinAsync();

        Assert.Equal(1, primary.CallsTo(StubResponses.ChatPath));
    }

    [Fact]
    public async Task StreamAsync_waits_as_long_as_retry_after_asks_before_retrying()
    {
        primary.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(StubResponses.ChatPath).UsingPost())
            .InScenario("retry-after").WillSetStateTo("done")
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1").WithBody("{}"));
        primary.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(StubResponses.ChatPath).UsingPost())
            .InScenario("retry-after").WhenStateIs("done")
            .RespondWith(StubResponses.Sse(OpenAiWire.Stream(["waited"])));
        await using var host = await StartAsync();

        var clock = Stopwatch.StartNew();
        var text = await host.Router.StreamAsync(LlmPurposes.Answer, "acme", Question, CancellationToken.None).JoinAsync();

        Assert.Equal("waited", text);
        var calls = primary.Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).ToList();
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].RequestMessage.DateTime - calls[0].RequestMessage.DateTime >= TimeSpan.FromMilliseconds(950), "the retry came before Retry-After");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task StreamAsync_falls_back_at_once_when_retry_after_is_longer_than_the_visitor_can_wait()
    {
        primary.Server.Status(StubResponses.ChatPath, 429, retryAfter: "120");
        backup.Server.OpenAiStream("from backup");
        await using var host = await StartAsync();

        var text = await host.Router.StreamAsync(LlmPurposes.Answer, "acme", Question, CancellationToken.None).JoinAsync();

        Assert.Equal("from backup", text);
        Assert.Equal(1, primary.CallsTo(StubResponses.ChatPath));
    }

    [Fact]
    public async Task StreamAsync_throws_unavailable_with_every_attempt_when_all_providers_fail()
    {
        primary.Server.Status(StubResponses.ChatPath, 500);
        backup.Server.Status(StubResponses.ChatPath, 502);
        await using var host = await StartAsync();

        var error = await Assert.ThrowsAsync<LlmUnavailableException>(() => host.Router.StreamAsync(LlmPurposes.Answer, "acme", Question, CancellationToken.None).JoinAsync());

        Assert.Equal(LlmUnavailableReason.AllProvidersFailed, error.Reason);
        Assert.Equal(6, error.Failures.Count);
        Assert.Contains("primary attempt 3: http_500", error.Failures);
        Assert.Contains("backup attempt 1: http_502", error.Failures);
    }

    private Task<LlmTestHost> StartAsync() => LlmTestHost.StartAsync(TestSettings.Merge(
        TestSettings.OpenAiCompatible("primary", primary.Url),
        TestSettings.OpenAiCompatible("backup", backup.Url),
        new Dictionary<string, string?> { ["Rose:Llm:Purposes:answer"] = "primary,backup" }));

    public void Dispose()
    {
        primary.Dispose();
        backup.Dispose();
    }
}
