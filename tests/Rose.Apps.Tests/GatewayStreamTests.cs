extern alias gateway;
extern alias search;

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
/// An answer that waits on a slow LLM for longer than the gateway lets a request idle
/// (<c>Rose:Gateway:ActivityTimeout</c>, YARP's 100 s, shortened here) still reaches the visitor through
/// the gateway, because search's stream sends a heartbeat while it waits (<c>Rose:Chat:StreamHeartbeat</c>).
/// </summary>
public sealed class GatewayStreamTests(SharedTenant tenant) : IClassFixture<SharedTenant>, IDisposable
{
    private static readonly TimeSpan GatewayIdleLimit = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LlmDelay = TimeSpan.FromSeconds(5);
    private readonly ExternalApiStub llm = new();

    [Fact]
    public async Task A_slow_answer_outlives_the_gateways_idle_limit_thanks_to_the_heartbeat()
    {
        var stream = await AskThroughGatewayAsync(heartbeat: TimeSpan.FromMilliseconds(250));

        Assert.Contains(": keep-alive", stream, StringComparison.Ordinal);
        Assert.True(stream.Contains("\"Per year, the kit is \"", StringComparison.Ordinal), stream); // the (slow) LLM's words, not the offline composer's
        Assert.Contains("event: done", stream, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_heartbeat_inside_the_idle_limit_the_gateway_cuts_the_answer()
    {
        // The control: the same wait with a heartbeat slower than the gateway's limit is cut.
        var stream = await AskThroughGatewayAsync(heartbeat: TimeSpan.FromSeconds(30));

        Assert.DoesNotContain("event: done", stream, StringComparison.Ordinal);
        Assert.StartsWith("(the stream broke", stream, StringComparison.Ordinal);
    }

    private async Task<string> AskThroughGatewayAsync(TimeSpan heartbeat)
    {
        llm.Server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost())
            .RespondWith(Response.Create().WithDelay(LlmDelay).WithStatusCode(200).WithHeader("Content-Type", "text/event-stream")
                .WithBody(OpenAiWire.Stream(["Per year, the kit is ", "390 euros [1]."])));
        await using var search = new RoseAppFactory<search::Program>().OnData(tenant.DataPath)
            .With("urls", "http://127.0.0.1:0")
            .With("Rose:Chat:StreamHeartbeat", heartbeat.ToString())

            // The slow LLM is the point here: its first token must not be given up on before it comes.
            .With("Rose:Llm:Resilience:FirstTokenTimeout", "00:00:10")
            .WithStubLlm(llm.Url, "answer");
        search.UseKestrel();
        search.StartServer();
        var searchAddress = search.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await using var gateway = new RoseAppFactory<gateway::Program>()
            .With("Rose:Gateway:Destinations:search", searchAddress)
            .With("Rose:Gateway:ActivityTimeout", GatewayIdleLimit.ToString());
        using var visitor = gateway.CreateClient();
        visitor.DefaultRequestHeaders.Add("X-Rose-Key", tenant.PublicKey);

        using var started = await visitor.PostAsync("/rose/v1/conversations", null);
        var conversation = await started.Content.ReadFromJsonAsync<JsonElement>();
        using var ask = new HttpRequestMessage(HttpMethod.Post, $"/rose/v1/conversations/{conversation.GetProperty("conversationId").GetString()}/messages")
        {
            Content = JsonContent.Create(new { text = "How much does the Classroom kit cost?" }),
        };
        ask.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.GetProperty("token").GetString());
        using var answer = await visitor.SendAsync(ask, HttpCompletionOption.ResponseHeadersRead);
        try
        {
            return await answer.Content.ReadAsStringAsync();
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return $"(the stream broke: {e.Message})";
        }
    }

    public void Dispose() => llm.Dispose();
}
