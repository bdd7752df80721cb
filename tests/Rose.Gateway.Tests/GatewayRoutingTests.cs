using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Rose.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rose.Gateway.Tests;

public sealed class GatewayRoutingTests : IDisposable
{
    private readonly ExternalApiStub search = new();
    private readonly ExternalApiStub backoffice = new();
    private readonly ExternalApiStub sidecar = new();

    public GatewayRoutingTests()
    {
        foreach (var stub in new[] { search, backoffice, sidecar })
        {
            stub.Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithBody("from " + stub.Url));
        }
    }

    [Fact]
    public async Task Widget_api_goes_to_search_with_its_path_query_and_key()
    {
        await using var gateway = Gateway(dapr: false);
        using var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Add("X-Rose-Key", "pk_test");

        var response = await client.GetAsync("/rose/v1/widget/config?lang=fr");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var forwarded = Assert.Single(search.Server.LogEntries).RequestMessage;
        Assert.Equal("/rose/v1/widget/config", forwarded.Path);
        Assert.Equal("fr", forwarded.Query!["lang"].Single());
        Assert.Equal("pk_test", forwarded.Headers!["X-Rose-Key"].Single());
        Assert.Empty(backoffice.Server.LogEntries);
    }

    [Fact]
    public async Task Management_api_goes_to_backoffice()
    {
        await using var gateway = Gateway(dapr: false);

        var response = await gateway.CreateClient().GetAsync("/api/v1/tenant");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/api/v1/tenant", Assert.Single(backoffice.Server.LogEntries).RequestMessage.Path);
        Assert.Empty(search.Server.LogEntries);
    }

    [Fact]
    public async Task HubSpot_webhooks_go_to_backoffice_with_their_signature_headers_and_body_when_posted_to_integrations()
    {
        await using var gateway = Gateway(dapr: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/integrations/v1/hubspot/webhooks?x=1") { Content = new StringContent("[{\"eventId\":1}]") };
        request.Headers.Add("X-HubSpot-Signature-v3", "c2lnbmF0dXJl");
        request.Headers.Add("X-HubSpot-Request-Timestamp", "1764676800000");

        await gateway.CreateClient().SendAsync(request);

        var forwarded = Assert.Single(backoffice.Server.LogEntries).RequestMessage;
        Assert.Equal("/integrations/v1/hubspot/webhooks", forwarded.Path);
        Assert.Equal("1", forwarded.Query!["x"].Single());
        Assert.Equal("[{\"eventId\":1}]", forwarded.Body);
        Assert.Equal("c2lnbmF0dXJl", forwarded.Headers!["X-HubSpot-Signature-v3"].Single());
        Assert.Equal("1764676800000", forwarded.Headers!["X-HubSpot-Request-Timestamp"].Single());
        Assert.Empty(search.Server.LogEntries);
    }

    [Fact]
    public async Task On_dapr_every_route_goes_to_the_sidecar_naming_the_target_app()
    {
        await using var gateway = Gateway(dapr: true);
        using var client = gateway.CreateClient();

        await client.GetAsync("/rose/widget.js");
        await client.GetAsync("/admin/v1/tenants/demo");
        await client.PostAsync("/integrations/v1/hubspot/webhooks", new StringContent("[]"));

        var calls = sidecar.Server.LogEntries.Select(e => (e.RequestMessage.Path, AppId: e.RequestMessage.Headers!["dapr-app-id"].Single())).ToList();
        Assert.Contains(("/rose/widget.js", "search"), calls);
        Assert.Contains(("/admin/v1/tenants/demo", "admin"), calls);
        Assert.Contains(("/integrations/v1/hubspot/webhooks", "backoffice"), calls);
        Assert.Empty(search.Server.LogEntries);
    }

    [Fact]
    public async Task On_dapr_the_backoffice_pages_go_straight_to_the_backoffice_with_an_affinity_cookie()
    {
        await using var gateway = Gateway(dapr: true);
        using var client = gateway.CreateClient();

        var page = await client.GetAsync("/backoffice/login");
        await client.GetAsync("/backoffice/_blazor/negotiate");

        Assert.Equal(["/backoffice/_blazor/negotiate", "/backoffice/login"], backoffice.Server.LogEntries.Select(e => e.RequestMessage.Path).Order());
        Assert.Empty(sidecar.Server.LogEntries);
        var affinity = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith(GatewayRoutes.BackofficeAffinityCookie + "=", StringComparison.Ordinal));
        Assert.Contains("path=/backoffice", affinity, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", affinity, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task On_dapr_every_call_to_the_sidecar_carries_its_api_token()
    {
        await using var gateway = Gateway(dapr: true, daprApiToken: "gateway-sidecar-token");
        using var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Add("dapr-api-token", "a-visitor-guess");

        await client.GetAsync("/rose/widget.js");
        await client.GetAsync("/api/v1/tenant");

        Assert.Equal(2, sidecar.Server.LogEntries.Count);
        Assert.All(sidecar.Server.LogEntries, e => Assert.Equal("gateway-sidecar-token", e.RequestMessage.Headers!["dapr-api-token"].Single()));
    }

    [Fact]
    public async Task On_dapr_without_a_token_a_visitors_dapr_api_token_never_reaches_the_sidecar()
    {
        await using var gateway = Gateway(dapr: true);
        using var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Add("dapr-api-token", "a-visitor-guess");

        await client.GetAsync("/rose/widget.js");

        var forwarded = Assert.Single(sidecar.Server.LogEntries).RequestMessage;
        Assert.False(forwarded.Headers!.ContainsKey("dapr-api-token"));
    }

    [Fact]
    public async Task On_dapr_the_streamed_answer_goes_straight_to_search_and_the_rest_of_the_widget_api_through_the_sidecar()
    {
        await using var gateway = Gateway(dapr: true, daprApiToken: "gateway-sidecar-token");
        using var client = gateway.CreateClient();

        using var stream = await client.PostAsync("/rose/v1/conversations/c-1/messages", new StringContent("""{"text":"hi"}""", System.Text.Encoding.UTF8, "application/json"));
        await client.GetAsync("/rose/v1/conversations/c-1");
        await client.PostAsync("/rose/v1/conversations", null);

        var direct = Assert.Single(search.Server.LogEntries).RequestMessage;
        Assert.Equal(("POST", "/rose/v1/conversations/c-1/messages"), (direct.Method, direct.Path));
        Assert.False(direct.Headers!.ContainsKey("dapr-api-token"));
        Assert.Equal(
            ["/rose/v1/conversations", "/rose/v1/conversations/c-1"],
            sidecar.Server.LogEntries.Select(e => e.RequestMessage.Path).Order());
    }

    [Fact]
    public void The_streamed_answer_skips_the_sidecars_while_resiliency_gives_search_a_timeout_or_retries()
    {
        // components/resiliency.yaml targets.apps.search: a timeout would cut the stream and a retry would
        // post the message twice (see GatewayRoutes). If both go, the route may go back through the sidecar.
        var resiliency = File.ReadAllLines(RepositoryRoot.PathOf("components", "resiliency.yaml"));
        var search = resiliency.SkipWhile(l => l.Trim() != "apps:").Skip(1).SkipWhile(l => l.Trim() != "search:").Skip(1)
            .TakeWhile(l => l.StartsWith("        ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        var stream = GatewayRoutes.Table.Single(r => r.Id == "chat-stream");

        Assert.Contains(search, l => l.StartsWith("timeout:", StringComparison.Ordinal) || l.StartsWith("retry:", StringComparison.Ordinal));
        Assert.False(stream.ViaSidecar);
        Assert.Equal(("/rose/v1/conversations/{id}/messages", "search"), (stream.Path, stream.AppId));
        Assert.Equal(["POST"], stream.Methods!);
    }

    [Fact]
    public async Task Responses_carry_the_security_headers()
    {
        await using var gateway = Gateway(dapr: false);

        var response = await gateway.CreateClient().GetAsync("/rose/v1/widget/config");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"));
    }

    [Fact]
    public async Task Geo_sites_go_to_search_and_a_custom_hostname_goes_to_its_site_with_the_host_named()
    {
        await using var gateway = Gateway(dapr: true, publicHost: "rose.example.com");
        using var client = gateway.CreateClient();

        await client.GetAsync("http://rose.example.com/geo/acme/sitemap.xml");
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "http://faq.acme.test/how-to-install");
        spoofed.Headers.Add(CustomHostnameMiddleware.SiteHostHeader, "faq.globex.test");
        await client.SendAsync(spoofed);
        var direct = await client.GetAsync("http://rose.example.com/geo-host/how-to-install");
        var probe = await client.GetAsync("http://10.1.2.3/health");

        var calls = sidecar.Server.LogEntries.Select(e => e.RequestMessage).ToList();
        Assert.Equal(2, calls.Count);
        Assert.Equal(("/geo/acme/sitemap.xml", "search"), (calls[0].Path, calls[0].Headers!["dapr-app-id"].Single()));
        Assert.Equal(("/geo-host/how-to-install", "search"), (calls[1].Path, calls[1].Headers!["dapr-app-id"].Single()));
        // The host the visitor asked for, never the one a visitor claims.
        Assert.Equal("faq.acme.test", calls[1].Headers![CustomHostnameMiddleware.SiteHostHeader].Single());
        Assert.Equal(HttpStatusCode.NotFound, direct.StatusCode);
        Assert.NotEqual(HttpStatusCode.NotFound, probe.StatusCode);
    }

    [Fact]
    public async Task Unknown_paths_are_not_forwarded()
    {
        await using var gateway = Gateway(dapr: false);

        var response = await gateway.CreateClient().GetAsync("/etc/passwd");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(search.Server.LogEntries);
        Assert.Empty(backoffice.Server.LogEntries);
    }

    public void Dispose()
    {
        search.Dispose();
        backoffice.Dispose();
        sidecar.Dispose();
    }

    private WebApplicationFactory<Program> Gateway(bool dapr, string? daprApiToken = null, string? publicHost = null) => new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
    {
        if (publicHost is not null)
        {
            builder.UseSetting("Rose:Gateway:PublicHosts:0", publicHost);
        }

        builder.UseSetting("Rose:Gateway:Destinations:search", search.Url);
        builder.UseSetting("Rose:Gateway:Destinations:backoffice", backoffice.Url);
        builder.UseSetting("Rose:Gateway:Destinations:admin", backoffice.Url);
        if (dapr)
        {
            builder.UseSetting("DAPR_HTTP_PORT", new Uri(sidecar.Url).Port.ToString());
            builder.UseSetting("DAPR_API_TOKEN", daprApiToken);
        }
    });
}
