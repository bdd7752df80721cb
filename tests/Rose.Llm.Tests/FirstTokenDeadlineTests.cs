using System.Diagnostics.Metrics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using Rose.Llm.Answering;
using Rose.Llm.Composer;
using Rose.Llm.Configuration;
using Rose.Llm.Resilience;
using Rose.Llm.Telemetry;
using Rose.Llm.Tests.Support;
using Rose.Testing;
using Xunit;

namespace Rose.Llm.Tests;

/// <summary>
/// The first-token deadline (<c>Rose:Llm:Resilience:FirstTokenTimeout</c>, 2 s here against an attempt
/// timeout of 10 s) on a fake clock: only the clock's advances decide what is late, not the machine.
/// </summary>
public sealed class FirstTokenDeadlineTests : IDisposable
{
    private static readonly ChatMessage[] Question = [new(ChatRole.User, "What does it cost?")];
    private readonly ExternalApiStub stub = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 3, 1, 0, 0, TimeSpan.Zero));
    private readonly IReadOnlyList<GroundingPassage> passages = Fixtures.Passages("acme-en");

    [Fact]
    public async Task StreamAnswerAsync_composes_offline_at_the_first_token_deadline_when_the_llm_hangs()
    {
        using var hanging = new GatedStream(stub.Server, gateAfter: 0, "never sent");
        await using var host = await StartAsync("slowpoke");

        var answer = host.Answers.AnswerAsync(new AnswerRequest("acme", "Where is my data hosted?", passages), CancellationToken.None);
        await hanging.NextCallAsync();
        time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(answer.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.2));
        var completed = await answer.WaitAsync(TimeSpan.FromSeconds(30));

        // 2.1 s on the clock, far from the 10 s attempt timeout: the deadline, not the timeout, gave up.
        Assert.Equal(AnswerSource.Offline, completed.Source);
        Assert.Equal(OfflineReason.ProvidersFailed, completed.OfflineReason);
        Assert.Contains("Frankfurt", completed.Text, StringComparison.Ordinal);
        Assert.Equal(1, hanging.Calls);
    }

    [Fact]
    public async Task StreamAsync_keeps_a_stream_whose_first_token_came_in_time_when_later_tokens_are_slow()
    {
        using var slow = new GatedStream(stub.Server, gateAfter: 1, "Our plans ", "start at ", "49 euros.");
        await using var host = await StartAsync("slowpoke");
        var deltas = host.Router.StreamAsync(LlmPurposes.Answer, "acme", Question, CancellationToken.None).GetAsyncEnumerator();

        Assert.True(await deltas.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("Our plans ", deltas.Current);
        var next = deltas.MoveNextAsync().AsTask();
        time.Advance(TimeSpan.FromSeconds(6));
        slow.Open();
        var rest = new List<string>();
        while (await next.WaitAsync(TimeSpan.FromSeconds(30)))
        {
            rest.Add(deltas.Current);
            next = deltas.MoveNextAsync().AsTask();
        }

        await deltas.DisposeAsync();
        Assert.Equal("start at 49 euros.", string.Concat(rest));
        Assert.Equal(CircuitState.Closed, host.Breakers.For("slowpoke").State);
    }

    [Fact]
    public async Task Circuit_opens_after_repeated_first_token_misses_and_counts_its_transition()
    {
        const string provider = "hangs-twice";
        using var transitions = new BreakerTransitionsListener(provider);
        using var hanging = new GatedStream(stub.Server, gateAfter: 0, "never sent");
        await using var host = await StartAsync(provider);

        for (var i = 0; i < 2; i++)
        {
            var answer = host.Answers.AnswerAsync(new AnswerRequest("acme", "Where is my data hosted?", passages), CancellationToken.None);
            await hanging.NextCallAsync();
            time.Advance(TimeSpan.FromSeconds(2.1));
            Assert.Equal(AnswerSource.Offline, (await answer.WaitAsync(TimeSpan.FromSeconds(30))).Source);
        }

        Assert.Equal(CircuitState.Open, host.Breakers.For(provider).State);
        var skipped = await host.Answers.AnswerAsync(new AnswerRequest("acme", "Where is my data hosted?", passages), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(AnswerSource.Offline, skipped.Source);
        Assert.Equal(2, hanging.Calls);
        Assert.Equal(["closed -> open"], transitions.Seen);
    }

    private Task<LlmTestHost> StartAsync(string provider) => LlmTestHost.StartAsync(
        TestSettings.Merge(
            TestSettings.OpenAiCompatible(provider, stub.Url),
            new Dictionary<string, string?>
            {
                ["Rose:Llm:Resilience:FirstTokenTimeout"] = "00:00:02",
                ["Rose:Llm:Resilience:CircuitFailureThreshold"] = "2",
            }),
        time);

    public void Dispose() => stub.Dispose();

    /// <summary>Collects <c>rose.llm.breaker.transitions</c> of one provider (other tests' providers are ignored).</summary>
    private sealed class BreakerTransitionsListener : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly List<string> seen = [];

        public BreakerTransitionsListener(string provider)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == LlmTelemetry.Name && instrument.Name == "rose.llm.breaker.transitions")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
            {
                var values = new Dictionary<string, object?>();
                foreach (var tag in tags)
                {
                    values[tag.Key] = tag.Value;
                }

                if (Equals(values.GetValueOrDefault(GenAiAttributes.ProviderConfigName), provider))
                {
                    lock (seen)
                    {
                        seen.Add($"{values["rose.llm.breaker.from"]} -> {values["rose.llm.breaker.to"]}");
                    }
                }
            });
            listener.Start();
        }

        public IReadOnlyList<string> Seen
        {
            get
            {
                lock (seen)
                {
                    return [.. seen];
                }
            }
        }

        public void Dispose() => listener.Dispose();
    }
}
