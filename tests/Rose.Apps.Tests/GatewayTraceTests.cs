extern alias gateway;
extern alias search;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Rose.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rose.Apps.Tests;

/// <summary>
/// A chat turn sent to the gateway (search behind it on a real port, as in a deployment) is one trace:
/// the visitor's trace context enters at the gateway, goes with the forwarded request to search, and
/// the turn, retrieval and the LLM call are spans of that same trace.
/// </summary>
public sealed class GatewayTraceTests(SharedTenant tenant) : IClassFixture<SharedTenant>, IDisposable
{
    private readonly ExternalApiStub llm = new();
    private readonly ConcurrentQueue<Activity> stopped = new();
    private readonly ActivityListener listener = new()
    {
        ShouldListenTo = source => source.Name.StartsWith("Rose.", StringComparison.Ordinal) || source.Name is "Microsoft.AspNetCore" or "System.Net.Http",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    [Fact]
    public async Task A_chat_turn_through_the_gateway_is_one_trace_from_the_edge_to_the_llm_call()
    {
        listener.ActivityStopped = stopped.Enqueue;
        ActivitySource.AddActivityListener(listener);
        llm.Server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/event-stream")
                .WithBody(OpenAiWire.Stream(["The Classroom kit costs ", "390 euros per year [1]."])));
        await using var search = new RoseAppFactory<search::Program>().OnData(tenant.DataPath)
            .With("urls", "http://127.0.0.1:0")
            .WithStubLlm(llm.Url, "answer");
        search.UseKestrel();
        search.StartServer();
        var searchAddress = search.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await using var gateway = new RoseAppFactory<gateway::Program>().With("Rose:Gateway:Destinations:search", searchAddress);
        using var visitor = gateway.CreateClient();
        visitor.DefaultRequestHeaders.Add("X-Rose-Key", tenant.PublicKey);
        using var started = await visitor.PostAsync("/rose/v1/conversations", null);
        var conversation = await started.Content.ReadFromJsonAsync<JsonElement>();
        var trace = ActivityTraceId.CreateRandom();
        using var ask = new HttpRequestMessage(HttpMethod.Post, $"/rose/v1/conversations/{conversation.GetProperty("conversationId").GetString()}/messages")
        {
            Content = JsonContent.Create(new { text = "How much does the Classroom kit cost?" }),
        };
        ask.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.GetProperty("token").GetString());
        ask.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");

        using var answer = await visitor.SendAsync(ask, HttpCompletionOption.ResponseHeadersRead);
        var stream = await answer.Content.ReadAsStringAsync();

        Assert.Contains("event: done", stream, StringComparison.Ordinal);
        await Eventually.UntilAsync(() => Servers(trace).Count == 2, TimeSpan.FromSeconds(10), $"the gateway's and search's request spans in the visitor's trace {trace}, among {Describe()}");
        var turn = Assert.Single(stopped, a => a.OperationName == "chat.turn" && a.TraceId == trace);
        var ancestors = Ancestors(turn);
        Assert.Equal(2, ancestors.Count(a => a.Source.Name == "Microsoft.AspNetCore" && a.Kind == ActivityKind.Server));
        Assert.Contains(ancestors, a => a.Source.Name == "System.Net.Http" && a.Kind == ActivityKind.Client);
        var retrieval = Assert.Single(stopped, a => a.OperationName == "retrieval" && a.TraceId == trace);
        Assert.Equal(turn.SpanId, retrieval.ParentSpanId);

        // The answer and the suggested follow-ups: each LLM call is a span under the turn.
        var calls = stopped.Where(a => a.Source.Name == "Rose.Llm" && a.Kind == ActivityKind.Client && a.TraceId == trace).ToList();
        Assert.NotEmpty(calls);
        Assert.All(calls, call =>
        {
            Assert.Equal("stub-model", call.GetTagItem("gen_ai.request.model"));
            Assert.Contains(turn, Ancestors(call));
        });
    }

    public void Dispose()
    {
        listener.Dispose();
        llm.Dispose();
    }

    private string Describe() =>
        string.Join("; ", stopped.Select(a => $"{a.Source.Name} {a.Kind} {a.DisplayName} trace {a.TraceId} parent {a.ParentSpanId}"));

    /// <summary>The gateway's and search's spans of the visitor's request (the LLM stub, WireMock on ASP.NET Core, has server spans of its own).</summary>
    private List<Activity> Servers(ActivityTraceId trace) =>
        [.. stopped.Where(a => a.TraceId == trace && a.Source.Name == "Microsoft.AspNetCore" && a.Kind == ActivityKind.Server
            && a.DisplayName.Contains("/rose/v1/conversations/", StringComparison.Ordinal))];

    private List<Activity> Ancestors(Activity activity)
    {
        var byId = stopped.Where(a => a.TraceId == activity.TraceId).GroupBy(a => a.SpanId).ToDictionary(g => g.Key, g => g.First());
        var found = new List<Activity>();
        for (var current = byId.GetValueOrDefault(activity.ParentSpanId); current is not null && found.Count < 30; current = byId.GetValueOrDefault(current.ParentSpanId))
        {
            found.Add(current);
        }

        return found;
    }
}
