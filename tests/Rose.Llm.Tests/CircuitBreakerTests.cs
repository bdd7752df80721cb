using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using Rose.Llm.Configuration;
using Rose.Llm.Resilience;
using Rose.Llm.Tests.Support;
using Rose.Testing;
using Xunit;

namespace Rose.Llm.Tests;

public sealed class CircuitBreakerTests : IDisposable
{
    private static readonly ChatMessage[] Question = [new(ChatRole.User, "What does it cost?")];
    private readonly ExternalApiStub primary = new();
    private readonly ExternalApiStub backup = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Circuit_opens_after_repeated_failures_and_skips_the_provider()
    {
        primary.Server.Status(StubResponses.ChatPath, 500);
        backup.Server.OpenAiStream("from backup");
        await using var host = await StartAsync();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("from backup", await AskAsync(host));
        }

        Assert.Equal(CircuitState.Open, host.Breakers.For("primary").State);
        Assert.Equal("from backup", await AskAsync(host));
        Assert.Equal(3, primary.CallsTo(StubResponses.ChatPath));
        Assert.Equal(4, backup.CallsTo(StubResponses.ChatPath));
    }

    [Fact]
    public async Task Circuit_closes_again_when_the_trial_call_after_the_break_succeeds()
    {
        primary.Server.Status(StubResponses.ChatPath, 500);
        backup.Server.OpenAiStream("from backup");
        await using var host = await StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await AskAsync(host);
        }

        primary.Server.ResetMappings();
        primary.Server.OpenAiStream("primary is back");
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal("from backup", await AskAsync(host));

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(CircuitState.HalfOpen, host.Breakers.For("primary").State);
        Assert.Equal("primary is back", await AskAsync(host));
        Assert.Equal(CircuitState.Closed, host.Breakers.For("primary").State);
        Assert.Equal("primary is back", await AskAsync(host));
    }

    [Fact]
    public async Task Circuit_opens_again_at_once_when_the_trial_call_fails()
    {
        primary.Server.Status(StubResponses.ChatPath, 500);
        backup.Server.OpenAiStream("from backup");
        await using var host = await StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await AskAsync(host);
        }

        time.Advance(TimeSpan.FromSeconds(31));
        await AskAsync(host);

        Assert.Equal(4, primary.CallsTo(StubResponses.ChatPath));
        Assert.Equal(CircuitState.Open, host.Breakers.For("primary").State);
        await AskAsync(host);
        Assert.Equal(4, primary.CallsTo(StubResponses.ChatPath));
    }

    [Fact]
    public async Task Circuit_frees_the_trial_when_the_visitor_stops_reading_mid_stream()
    {
        primary.Server.Status(StubResponses.ChatPath, 500);
        backup.Server.OpenAiStream("from backup");
        await using var host = await StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await AskAsync(host);
        }

        primary.Server.ResetMappings();
        primary.Server.OpenAiStream("primary ", "is ", "back");
        time.Advance(TimeSpan.FromSeconds(31));
        await foreach (var _ in host.Router.StreamAsync(LlmPurposes.Answer, "acme", Question, CancellationToken.None))
        {
            break;
        }

        Assert.Equal("primary is back", await AskAsync(host));
    }

    [Fact]
    public void Breaker_lets_a_single_trial_through_when_half_open()
    {
        var breaker = new CircuitBreaker("p", new LlmResilienceOptions { CircuitFailureThreshold = 1, CircuitBreakDuration = TimeSpan.FromSeconds(10) }, time);
        breaker.RecordFailure();
        Assert.False(breaker.TryAcquire());

        time.Advance(TimeSpan.FromSeconds(10));

        Assert.True(breaker.TryAcquire());
        Assert.False(breaker.TryAcquire());
        breaker.RecordSuccess();
        Assert.True(breaker.TryAcquire());
    }

    [Fact]
    public void Breaker_counts_only_consecutive_failures()
    {
        var breaker = new CircuitBreaker("p", new LlmResilienceOptions { CircuitFailureThreshold = 2 }, time);

        breaker.RecordFailure();
        breaker.RecordSuccess();
        breaker.RecordFailure();

        Assert.Equal(CircuitState.Closed, breaker.State);
        breaker.RecordFailure();
        Assert.Equal(CircuitState.Open, breaker.State);
    }

    private Task<string> AskAsync(LlmTestHost host) =>
        host.Router.StreamAsync(LlmPurposes.Answer, "acme", Question, CancellationToken.None).JoinAsync();

    // No retries: retry delays would wait on the fake clock, and the breaker counts attempts anyway.
    private Task<LlmTestHost> StartAsync() => LlmTestHost.StartAsync(
        TestSettings.Merge(
            TestSettings.OpenAiCompatible("primary", primary.Url),
            TestSettings.OpenAiCompatible("backup", backup.Url),
            new Dictionary<string, string?>
            {
                ["Rose:Llm:Purposes:answer"] = "primary,backup",
                ["Rose:Llm:Resilience:MaxRetries"] = "0",
                ["Rose:Llm:Resilience:CircuitFailureThreshold"] = "3",
                ["Rose:Llm:Resilience:CircuitBreakDuration"] = "00:00:30",
            }),
        time);

    public void Dispose()
    {
        primary.Dispose();
        backup.Dispose();
    }
}
