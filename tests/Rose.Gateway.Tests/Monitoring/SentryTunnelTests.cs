using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Rose.Gateway.Monitoring;
using Rose.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rose.Gateway.Tests.Monitoring;

/// <summary><c>POST /monitoring</c> against a stub that speaks Sentry's envelope endpoint.</summary>
public sealed class SentryTunnelTests : IDisposable
{
    private const string ProjectId = "4242";
    private readonly ExternalApiStub sentry = new();

    public SentryTunnelTests()
    {
        sentry.Server.Given(Request.Create().WithPath($"/api/{ProjectId}/envelope/").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"id":"fc6d8c0c43fc4630ad850ee518f1b9d0"}"""));
    }

    private string Dsn => $"http://widgetkey@127.0.0.1:{new Uri(sentry.Url).Port}/{ProjectId}";

    [Fact]
    public async Task Monitoring_forwards_an_envelope_for_the_configured_project_to_its_envelope_endpoint_as_sent()
    {
        await using var gateway = Gateway(Dsn);
        var envelope = Envelope(Dsn);
        using var request = new HttpRequestMessage(HttpMethod.Post, SentryTunnelEndpoints.Route) { Content = new ByteArrayContent(envelope) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "UTF-8" };
        request.Headers.Add("Cookie", "visitor=secret");

        using var response = await gateway.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("fc6d8c0c43fc4630ad850ee518f1b9d0", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var forwarded = Assert.Single(sentry.Server.LogEntries).RequestMessage;
        Assert.Equal($"/api/{ProjectId}/envelope/", forwarded.Path);
        Assert.Equal(envelope, forwarded.BodyAsBytes);
        Assert.Equal(SentryTunnelEndpoints.EnvelopeContentType, forwarded.Headers!["Content-Type"].Single());
        Assert.False(forwarded.Headers.ContainsKey("Cookie"));
        Assert.False(forwarded.Headers.ContainsKey("X-Forwarded-For"));
    }

    [Theory]
    [InlineData("http://widgetkey@127.0.0.1:{port}/7")]
    [InlineData("https://widgetkey@o1.ingest.sentry.io/4242")]
    [InlineData("http://otherkey@127.0.0.1:1/4242")]
    public async Task Monitoring_refuses_with_403_an_envelope_whose_dsn_names_another_project_or_host(string headerDsn)
    {
        await using var gateway = Gateway(Dsn);

        using var response = await PostAsync(gateway, Envelope(headerDsn.Replace("{port}", new Uri(sentry.Url).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "Unknown Sentry project");
        Assert.Empty(sentry.Server.LogEntries);
    }

    [Fact]
    public async Task Monitoring_refuses_with_400_a_body_that_is_no_envelope()
    {
        await using var gateway = Gateway(Dsn);

        using var response = await PostAsync(gateway, Encoding.UTF8.GetBytes("not json\n{}"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "Not a Sentry envelope");
        Assert.Empty(sentry.Server.LogEntries);
    }

    [Fact]
    public async Task Monitoring_refuses_with_413_an_envelope_over_the_size_limit()
    {
        await using var gateway = Gateway(Dsn, ("Rose:Gateway:SentryTunnel:MaxEnvelopeBytes", "2048"));

        using var response = await PostAsync(gateway, Envelope(Dsn, padding: 4096));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "Envelope too large");
        Assert.Empty(sentry.Server.LogEntries);
    }

    [Fact]
    public async Task Monitoring_answers_404_when_no_dsn_is_configured()
    {
        await using var gateway = Gateway(dsn: null);

        using var response = await PostAsync(gateway, Envelope(Dsn));

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "No Sentry tunnel");
        Assert.Empty(sentry.Server.LogEntries);
    }

    [Fact]
    public async Task Monitoring_answers_502_when_sentry_cannot_be_reached_in_time()
    {
        var unreachable = $"http://widgetkey@127.0.0.1:{FreePort.Next()}/{ProjectId}";
        await using var gateway = Gateway(unreachable, ("Rose:Gateway:SentryTunnel:Timeout", "00:00:01"));

        using var response = await PostAsync(gateway, Envelope(unreachable));

        await AssertProblemAsync(response, HttpStatusCode.BadGateway, "Sentry unreachable");
    }

    [Fact]
    public void Gateway_does_not_start_with_a_dsn_that_does_not_parse()
    {
        using var gateway = Gateway("not-a-dsn");

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains("Rose:Gateway:SentryTunnel:Dsn", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => sentry.Dispose();

    /// <summary>A Sentry envelope as the browser SDK sends it through a tunnel: header with the DSN, then an item.</summary>
    private static byte[] Envelope(string dsn, int padding = 0)
    {
        var header = JsonSerializer.Serialize(new Dictionary<string, string> { ["event_id"] = "9ec79c33ec9942ab8353589fcb2e04dc", ["dsn"] = dsn, ["sent_at"] = "2026-12-02T22:00:00.000Z" });
        var payload = JsonSerializer.Serialize(new { message = "widget error" + new string('x', padding), level = "error", platform = "javascript" });
        return Encoding.UTF8.GetBytes($"{header}\n{{\"type\":\"event\",\"length\":{Encoding.UTF8.GetByteCount(payload)}}}\n{payload}\n");
    }

    private static async Task<HttpResponseMessage> PostAsync(WebApplicationFactory<Program> gateway, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return await gateway.CreateClient().PostAsync(SentryTunnelEndpoints.Route, content);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
    }

    private WebApplicationFactory<Program> Gateway(string? dsn, params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Rose:Gateway:Destinations:search", sentry.Url);
            builder.UseSetting("Rose:Gateway:Destinations:backoffice", sentry.Url);
            builder.UseSetting("Rose:Gateway:Destinations:admin", sentry.Url);
            if (dsn is not null)
            {
                builder.UseSetting("Rose:Gateway:SentryTunnel:Dsn", dsn);
            }

            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });
}
