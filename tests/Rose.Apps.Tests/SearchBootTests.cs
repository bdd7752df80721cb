extern alias search;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rose.Testing;
using Rose.Testing.Dapr;
using Xunit;

namespace Rose.Apps.Tests;

/// <summary>
/// Search started on its own, as deployed, on a database another app filled: a widget message is
/// answered with a citation of the tenant's document, on both runtimes. (Before: a 500, because
/// search never composed the knowledge base.)
/// </summary>
public sealed class SearchBootTests(SharedTenant tenant) : IClassFixture<SharedTenant>
{
    [Fact]
    public async Task Search_on_the_embedded_runtime_answers_a_widget_message_with_a_citation()
    {
        await using var app = new RoseAppFactory<search::Program>().OnData(tenant.DataPath);

        await AssertAnswersWithCitationAsync(app);
    }

    [Fact]
    public async Task Search_on_dapr_answers_a_widget_message_with_a_citation_and_serves_its_sidecar_routes()
    {
        await using var sidecar = await FakeDaprSidecar.StartAsync();
        await using var app = new RoseAppFactory<search::Program>().OnData(tenant.DataPath).OnDapr(sidecar);
        sidecar.Actors.AppChannel = () => SidecarChannel(app);

        await AssertAnswersWithCitationAsync(app);

        using var daprd = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await daprd.GetAsync("/dapr/subscribe")).StatusCode);
        daprd.DefaultRequestHeaders.Add("dapr-api-token", AppSettings.AppToken);
        var subscriptions = await daprd.GetFromJsonAsync<JsonElement>("/dapr/subscribe");
        Assert.Contains(subscriptions.EnumerateArray(), s => s.GetProperty("topic").GetString() == "knowledge.updated");
        Assert.Contains(sidecar.Runtime.Published, p => p.Topic == "conversation.message");
    }

    /// <summary>How daprd reaches its app: with the app token.</summary>
    private static HttpClient SidecarChannel(RoseAppFactory<search::Program> app)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("dapr-api-token", AppSettings.AppToken);
        return client;
    }

    private async Task AssertAnswersWithCitationAsync(RoseAppFactory<search::Program> app)
    {
        using var widget = app.CreateClient();
        widget.DefaultRequestHeaders.Add("X-Rose-Key", tenant.PublicKey);
        // One request per endpoint family besides the chat: widget config and assets, analytics events, OpenAPI.
        Assert.Equal(HttpStatusCode.OK, (await widget.GetAsync("/rose/v1/widget/config")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await widget.GetAsync("/rose/widget.js")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await widget.PostAsJsonAsync("/rose/v1/events", new { events = new[] { new { type = "open" } } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await widget.GetAsync("/openapi/v1.json")).StatusCode);
        using var started = await widget.PostAsync("/rose/v1/conversations", null);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var conversation = await started.Content.ReadFromJsonAsync<JsonElement>();
        using var ask = new HttpRequestMessage(HttpMethod.Post, $"/rose/v1/conversations/{conversation.GetProperty("conversationId").GetString()}/messages")
        {
            Content = JsonContent.Create(new { text = "How much does the Classroom kit cost?" }),
        };
        ask.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.GetProperty("token").GetString());

        using var answer = await widget.SendAsync(ask);
        var stream = await answer.Content.ReadAsStringAsync();
        var text = string.Concat(Regex.Matches(stream, "event: token\ndata: (.*)\n").Select(m => JsonDocument.Parse(m.Groups[1].Value).RootElement.GetProperty("text").GetString()));

        Assert.True(answer.StatusCode == HttpStatusCode.OK, stream);
        Assert.Equal("text/event-stream", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("390 euros", text, StringComparison.Ordinal);
        Assert.Contains("event: citation", stream, StringComparison.Ordinal);
        Assert.Contains(SharedTenant.DocumentUrl, stream, StringComparison.Ordinal);
        Assert.Contains("event: done", stream, StringComparison.Ordinal);
    }
}
