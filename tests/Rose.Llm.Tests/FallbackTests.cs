using System.Diagnostics;
using Microsoft.Extensions.AI;
using Rose.Llm.Configuration;
using Rose.Llm.Routing;
using Rose.Llm.Tests.Support;
using Rose.Testing;
using WireMock.RequestBuilders;
using Xunit;

namespace Rose.Llm.Tests;

public sealed class FallbackTests : IDisposable
{
    private static readonly ChatMessage[] Question = [new(ChatRole.User, "What does it cost?")];
    private readonly ExternalApiStub primary = new();
    private readonly ExternalApiStub backup = new();

    [Fact]
    public async Task StreamAsync_falls_back_when_the_first_provider_times_out()
    {
        primary.Server.Given(Request.Create().WithPath(StubResponses.ChatPath).UsingPost())
            .RespondWith(StubResponses.Sse(OpenAiWire.Stream(["too late"])).WithDelay(TimeSpan.FromSeconds(4)));
        backup.Server.OpenAiStream("from ", "backup");
        await using var host = await StartAsync(new() { ["Rose:Llm:Providers:primary:AttemptTimeout"] = "00:00:00.300" });

        var clock = Stopwatch.StartNew();
        var text = await host.Router.StreamAsync(LlmPurposes.Answer, "acme", Question, CancellationToken.None).JoinAsync();

        // WireMock logs the primary's call only once its delayed response is done, so time tells instead:
        // the backup answered before the primary would have (generous bound: CI machines are busy).
        Assert.Equal("from backup", text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3.5), $"fallback took {clock.Elapsed}");
    }

    [Fact]
    public async Task StreamAsync_falls_back_when_the_stream_breaks_before_the_first_token()
    {
        primary.Server.Given(Request.Create().WithPath(StubResponses.ChatPath).UsingPost())
            .RespondWith(StubResponses.Sse(OpenAiWire.BrokenBeforeFirstToken));
        backup.Server.OpenAiStream("from ", "backup");
        await using var host = await StartAsync();

        var deltas = await host.Router.StreamWithSourceAsync(LlmPurposes.Answer, "acme", Question, CancellationToken.None).ToListAsync();

        Assert.Equal("from backup", string.Concat(deltas.Select(d => d.Text)));
        Assert.All(deltas, d => Assert.Equal("backup", d.Provider));
        Assert.Equal(new LlmCallUsage(12, 7, "stop", Estimated: false), deltas[^1].Usage);
    }

    [Fact]
    public async Task StreamAsync_falls_back_when_the_stream_ends_without_any_text()
    {
        primary.Server.Given(Request.Create().WithPath(StubResponses.ChatPath).UsingPost())
            .RespondWith(StubResponses.Sse("data: [DONE]\n\n"));
        backup.Server.OpenAiStream("from backup");
        await using var host = await StartAsync();

        Assert.Equal("from backup", await host.Router.StreamAsync(LlmPurposes.Answer, "acme", Question, CancellationToken.None).JoinAsync());
    }

    [Fact]
    public async Task StreamAsync_fails_the_turn_and_never_mixes_providers_when_the_stream_breaks_after_a_token()
    {
        primary.Server.Given(Request.Create().WithPath(StubResponses.ChatPath).UsingPost())
            .RespondWith(StubResponses.Sse(OpenAiWire.BrokenAfterFirstToken("Our plans ")));
        backup.Server.OpenAiStream("from backup");
        await using var host = await StartAsync();
        var received = new List<string>();

        var error = await Assert.ThrowsAsync<LlmStreamInterruptedException>(async () =>
        {
            await foreach (var delta in host.Router.StreamAsync(LlmPurposes.Answer, "acme", Question, CancellationToken.None))
            {
                received.Add(delta);
            }
        });

        Assert.Equal(["Our plans "], received);
        Assert.Equal("primary", error.Provider);
        Assert.Equal(1, primary.CallsTo(StubResponses.ChatPath));
        Assert.Equal(0, backup.CallsTo(StubResponses.ChatPath));
    }

    [Fact]
    public async Task StreamAsync_falls_back_when_the_first_provider_refuses_connections()
    {
        primary.Server.Stop();
        backup.Server.OpenAiStream("from backup");
        await using var host = await StartAsync();

        Assert.Equal("from backup", await host.Router.StreamAsync(LlmPurposes.Answer, "acme", Question, CancellationToken.None).JoinAsync());
    }

    private Task<LlmTestHost> StartAsync(Dictionary<string, string?>? extra = null) => LlmTestHost.StartAsync(TestSettings.Merge(
        TestSettings.OpenAiCompatible("primary", primary.Url),
        TestSettings.OpenAiCompatible("backup", backup.Url),
        new Dictionary<string, string?> { ["Rose:Llm:Purposes:answer"] = "primary,backup" },
        extra ?? []));

    public void Dispose()
    {
        primary.Dispose();
        backup.Dispose();
    }
}
