using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Rose.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rose.Chat.Tests;

/// <summary>
/// One chat turn against a server speaking OpenAI's wire protocol is one trace: the turn, retrieval, the
/// LLM call with the GenAI attributes, tokens and cost, and the publish of the turn's event by the outbox
/// drainer, all under the request's trace id; the turn's metrics are recorded.
/// </summary>
public sealed class ChatTraceTests : IDisposable
{
    private const string Tenant = "traced-turn";
    private readonly ExternalApiStub llm = new();
    private readonly ConcurrentQueue<Activity> stopped = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> measurements = new();
    private readonly ActivityListener listener;
    private readonly MeterListener meters = new();

    public ChatTraceTests()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Rose.", StringComparison.Ordinal) || source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        meters.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name is "Rose.Chat" or "Rose.Llm")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        meters.Start();
    }

    [Fact]
    public async Task A_chat_turn_answered_by_the_llm_is_one_trace_from_request_to_published_event()
    {
        llm.Server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/event-stream")
                .WithBody(OpenAiWire.Stream(["The Business plan costs ", "199 euros per month [1]."], promptTokens: 300, completionTokens: 20, model: "stub-model-2026")));
        await using var app = new RoseAppFactory<Program>()
            .With("Rose:Demo:Enabled", "false")
            .WithStubLlm(llm.Url, "answer")
            .With("Rose:Llm:Providers:main:InputCostPerMillionTokens", "2")
            .With("Rose:Llm:Providers:main:OutputCostPerMillionTokens", "10");
        var client = new ChatClient(app);
        var tenant = await client.CreateTenantAsync(Tenant);
        await client.IndexAsync(tenant.ApiKey, "Pricing", AcmeKnowledge.PricingUrl, AcmeKnowledge.Pricing);
        var (id, token) = await client.StartAsync(tenant.PublicKey);

        var events = await client.AskAsync(tenant.PublicKey, id, token, "How much does the Business plan of Acme Rocket cost per month?");

        Assert.Equal("done", events[^1].Name);
        var turn = Assert.Single(stopped, a => a.OperationName == "chat.turn" && Tag(a, "rose.tenant_id") == Tenant);
        var trace = turn.TraceId;
        var request = Assert.Single(stopped, a => a.Source.Name == "Microsoft.AspNetCore" && a.SpanId == turn.ParentSpanId);
        Assert.Equal(ActivityKind.Server, request.Kind);

        var retrieval = Assert.Single(stopped, a => a.OperationName == "retrieval" && a.TraceId == trace && a.ParentSpanId == turn.SpanId);
        Assert.Equal(Tenant, Tag(retrieval, "rose.tenant_id"));
        Assert.True((int)retrieval.GetTagItem("rose.retrieval.returned")! > 0);

        var call = Assert.Single(stopped, a => a.DisplayName == "chat stub-model" && a.TraceId == trace && Tag(a, "rose.llm.purpose") == "answer");
        Assert.Equal(ActivityKind.Client, call.Kind);
        Assert.Equal("chat", Tag(call, "gen_ai.operation.name"));
        Assert.Equal("openai", Tag(call, "gen_ai.provider.name"));
        Assert.Equal("openai", Tag(call, "gen_ai.system"));
        Assert.Equal("stub-model", Tag(call, "gen_ai.request.model"));
        Assert.False(string.IsNullOrEmpty(Tag(call, "gen_ai.response.model")));
        Assert.Equal(300L, call.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal(20L, call.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.Equal(Tenant, Tag(call, "rose.tenant_id"));
        const double Cost = ((300 * 2) + (20 * 10)) / 1_000_000d;
        Assert.Equal(Cost, (double)call.GetTagItem("rose.llm.cost_usd")!, 12);
        Assert.Equal(Cost, (double)call.GetTagItem("gen_ai.usage.cost")!, 12);
        Assert.True(IsDescendant(call, turn), "the LLM call is inside the turn");

        await Eventually.UntilAsync(() => stopped.Any(a => a.OperationName == "publish conversation.message" && a.TraceId == trace), TimeSpan.FromSeconds(15), "the drainer's publish in the turn's trace");
        var publish = stopped.First(a => a.OperationName == "publish conversation.message" && a.TraceId == trace);
        Assert.Equal(ActivityKind.Producer, publish.Kind);
        Assert.Equal(turn.SpanId, publish.ParentSpanId);

        Assert.Contains(measurements, m => m.Instrument == "rose.chat.time_to_first_token" && m.Value > 0);
        Assert.Contains(measurements, m => m.Instrument == "rose.llm.answers" && (string?)m.Tags["rose.tenant_id"] == Tenant && (string?)m.Tags["rose.llm.answer_source"] == "llm");
        Assert.Contains(measurements, m => m.Instrument == "rose.llm.tokens" && (string?)m.Tags["rose.tenant_id"] == Tenant && (string?)m.Tags["gen_ai.token.type"] == "input" && m.Value == 300);
        Assert.Contains(measurements, m => m.Instrument == "rose.llm.cost" && (string?)m.Tags["rose.tenant_id"] == Tenant && Math.Abs(m.Value - Cost) < 1e-12);
    }

    public void Dispose()
    {
        listener.Dispose();
        meters.Dispose();
        llm.Dispose();
    }

    private static string? Tag(Activity activity, string name) => activity.GetTagItem(name) as string;

    private bool IsDescendant(Activity activity, Activity ancestor)
    {
        var byId = stopped.Where(a => a.TraceId == ancestor.TraceId).GroupBy(a => a.SpanId).ToDictionary(g => g.Key, g => g.First());
        var current = activity;
        for (var depth = 0; depth < 20 && current is not null; depth++)
        {
            if (current.ParentSpanId == ancestor.SpanId)
            {
                return true;
            }

            current = byId.GetValueOrDefault(current.ParentSpanId);
        }

        return false;
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
}
