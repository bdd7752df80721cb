using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.AI;
using Rose.Llm.Configuration;
using Rose.Llm.Telemetry;
using Rose.Llm.Tests.Support;
using Rose.Testing;
using Xunit;

namespace Rose.Llm.Tests;

public sealed class TelemetryTests : IDisposable
{
    private const string Tenant = "telemetry-tenant";
    private readonly ExternalApiStub primary = new();
    private readonly ExternalApiStub backup = new();
    private readonly ConcurrentQueue<Activity> activities = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> measurements = new();
    private readonly ActivityListener activityListener;
    private readonly MeterListener meterListener = new();

    public TelemetryTests()
    {
        activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == LlmTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(activityListener);
        meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == LlmTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        meterListener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        meterListener.Start();
    }

    [Fact]
    public async Task Every_attempt_is_traced_and_counted_with_genai_attributes()
    {
        primary.Server.Status(StubResponses.ChatPath, 500);
        backup.Server.OpenAiStream("from ", "backup");
        await using var host = await LlmTestHost.StartAsync(TestSettings.Merge(
            TestSettings.OpenAiCompatible("tele-primary", primary.Url, "big"),
            TestSettings.OpenAiCompatible("tele-backup", backup.Url, "small"),
            new Dictionary<string, string?> { ["Rose:Llm:Purposes:answer"] = "tele-primary,tele-backup", ["Rose:Llm:Resilience:MaxRetries"] = "1" }));

        await host.Router.StreamAsync(LlmPurposes.Answer, Tenant, [new ChatMessage(ChatRole.User, "What does it cost?")], CancellationToken.None).JoinAsync();

        var attempts = activities.Where(a => (string?)a.GetTagItem(GenAiAttributes.Tenant) == Tenant && a.OperationName.StartsWith("chat ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, attempts.Count);
        Assert.Equal(2, attempts.Count(a => (string?)a.GetTagItem(GenAiAttributes.ErrorType) == "http_500" && a.Status == ActivityStatusCode.Error));
        var success = Assert.Single(attempts, a => a.Status == ActivityStatusCode.Ok);
        Assert.Equal("chat small", success.DisplayName);
        Assert.Equal("openai", success.GetTagItem(GenAiAttributes.System));
        Assert.Equal("small", success.GetTagItem(GenAiAttributes.RequestModel));
        Assert.Equal(12L, success.GetTagItem(GenAiAttributes.InputTokens));
        Assert.Equal(7L, success.GetTagItem(GenAiAttributes.OutputTokens));
        Assert.Equal(["stop"], (string[])success.GetTagItem(GenAiAttributes.ResponseFinishReasons)!);
        var route = Assert.Single(activities, a => a.OperationName == "rose.llm answer" && (string?)a.GetTagItem(GenAiAttributes.Tenant) == Tenant);
        Assert.All(attempts, a => Assert.Equal(route.SpanId, a.ParentSpanId));

        var counted = measurements.Where(m => m.Instrument == "rose.llm.attempts" && ((string?)m.Tags[GenAiAttributes.ProviderConfigName])?.StartsWith("tele-", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(["failed", "retried", "success"], counted.Select(m => (string)m.Tags[GenAiAttributes.Outcome]!).Order());
        Assert.Contains(measurements, m => m.Instrument == "rose.llm.time_to_first_token" && (string?)m.Tags[GenAiAttributes.ProviderConfigName] == "tele-backup");
        Assert.Contains(measurements, m => m.Instrument == "gen_ai.client.token.usage" && (string?)m.Tags[GenAiAttributes.TokenType] == "output" && m.Value == 7 && (string?)m.Tags[GenAiAttributes.ProviderConfigName] == "tele-backup");
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        measurements.Enqueue((instrument.Name, value, copy));
    }

    public void Dispose()
    {
        activityListener.Dispose();
        meterListener.Dispose();
        primary.Dispose();
        backup.Dispose();
    }
}
