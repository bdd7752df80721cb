using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rose.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rose.Crm.Tests.Webhooks;

/// <summary><c>/api/v1/webhooks</c> on the standalone host, as the tenant's staff use it, with the production SSRF rules.</summary>
public sealed class WebhookApiTests : IAsyncLifetime
{
    private readonly StandaloneHost host = StandaloneHost.Start();
    private string apiKey = string.Empty;

    public async Task InitializeAsync() => apiKey = (await host.CreateTenantAsync("acme")).ApiKey;

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://localhost:8080/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://127.0.0.1/hook")]
    [InlineData("http://192.168.0.10/hook")]
    public async Task Post_refuses_a_private_loopback_or_link_local_url_with_a_clear_problem(string url)
    {
        using var staff = host.Management(apiKey);

        var response = await staff.PostAsJsonAsync("/api/v1/webhooks", new { url, events = new[] { "lead.qualified" } });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var listed = await staff.GetFromJsonAsync<JsonElement>("/api/v1/webhooks");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("private, loopback or link-local", problem.GetProperty("errors").GetProperty("url")[0].GetString());
        Assert.Equal(0, listed.GetArrayLength());
    }

    [Fact]
    public async Task Post_returns_the_secret_once_and_get_and_delete_never_show_it()
    {
        using var staff = host.Management(apiKey);

        // A public address literal: this machine resolves no public names.
        var created = await staff.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://93.184.215.14/rose", events = new[] { "lead.captured", "conversion.recorded" } });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var secret = body.GetProperty("secret").GetString()!;
        var id = body.GetProperty("webhook").GetProperty("id").GetString()!;
        var listed = await staff.GetStringAsync("/api/v1/webhooks");
        var unknownEvent = await staff.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://93.184.215.14/rose", events = new[] { "lead.lost" } });
        var deleted = await staff.DeleteAsync($"/api/v1/webhooks/{id}");
        var deletedAgain = await staff.DeleteAsync($"/api/v1/webhooks/{id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("whsec_", secret);
        Assert.Contains(id, listed);
        Assert.DoesNotContain(secret, listed);
        Assert.Equal(HttpStatusCode.BadRequest, unknownEvent.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);
    }
}
