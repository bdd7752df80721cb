using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Rose.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rose.Gateway.Tests;

/// <summary><c>/analytics/*</c>, the edge's name for the analytics module: the widget's event and conversion endpoints on search.</summary>
public sealed class AnalyticsRouteTests : IDisposable
{
    private const string Batch = """{"events":[{"type":"open"}]}""";

    private readonly ExternalApiStub search = new();
    private readonly ExternalApiStub sidecar = new();

    public AnalyticsRouteTests()
    {
        foreach (var stub in new[] { search, sidecar })
        {
            stub.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(202));
        }
    }

    [Fact]
    public async Task Analytics_events_reach_search_as_the_widget_events_endpoint_with_key_query_and_body()
    {
        await using var gateway = Gateway(dapr: false);
        using var request = Events("/analytics/v1/events?v=2");

        var response = await gateway.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var forwarded = Assert.Single(search.Server.LogEntries).RequestMessage;
        Assert.Equal(("POST", "/rose/v1/events"), (forwarded.Method, forwarded.Path));
        Assert.Equal("2", forwarded.Query!["v"].Single());
        Assert.Equal("pk_test", forwarded.Headers!["X-Rose-Key"].Single());
        Assert.Equal(Batch, forwarded.Body);
    }

    [Fact]
    public async Task On_dapr_analytics_events_and_conversions_go_to_the_sidecar_naming_search_with_the_widget_paths()
    {
        await using var gateway = Gateway(dapr: true);
        using var client = gateway.CreateClient();

        using (var events = Events("/analytics/v1/events"))
        {
            await client.SendAsync(events);
        }

        await client.PostAsync("/analytics/v1/conversions", new StringContent("{}", Encoding.UTF8, "application/json"));

        var calls = sidecar.Server.LogEntries.Select(e => (e.RequestMessage.Path, AppId: e.RequestMessage.Headers!["dapr-app-id"].Single())).ToList();
        Assert.Equal([("/rose/v1/events", "search"), ("/rose/v1/conversions", "search")], calls);
        Assert.Empty(search.Server.LogEntries);
    }

    [Fact]
    public async Task Analytics_is_not_an_alias_of_the_rest_of_the_widget_api()
    {
        await using var gateway = Gateway(dapr: false);
        using var client = gateway.CreateClient();

        var chat = await client.PostAsync("/analytics/v1/conversations/c1/messages", new StringContent("{}", Encoding.UTF8, "application/json"));
        var config = await client.GetAsync("/analytics/v1/widget/config");
        var read = await client.GetAsync("/analytics/v1/events");

        Assert.All([chat, config], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Contains(read.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        Assert.Empty(search.Server.LogEntries);
    }

    [Fact]
    public async Task Analytics_events_count_against_the_per_client_limit_of_the_edge()
    {
        await using var gateway = Gateway(dapr: false, requestsPerMinute: 2);
        using var client = gateway.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var request = Events("/analytics/v1/events");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(2, search.Server.LogEntries.Count);
    }

    public void Dispose()
    {
        search.Dispose();
        sidecar.Dispose();
    }

    private static HttpRequestMessage Events(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(Batch, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Rose-Key", "pk_test");
        return request;
    }

    private WebApplicationFactory<Program> Gateway(bool dapr, int? requestsPerMinute = null) => new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
    {
        builder.UseSetting("Rose:Gateway:Destinations:search", search.Url);
        builder.UseSetting("Rose:Gateway:Destinations:backoffice", search.Url);
        builder.UseSetting("Rose:Gateway:Destinations:admin", search.Url);
        if (requestsPerMinute is { } limit)
        {
            builder.UseSetting("Rose:Gateway:RequestsPerMinutePerClient", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (dapr)
        {
            builder.UseSetting("DAPR_HTTP_PORT", new Uri(sidecar.Url).Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    });
}
