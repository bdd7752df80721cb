extern alias backoffice;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Rose.Testing;
using Rose.Testing.Dapr;
using Xunit;

namespace Rose.Apps.Tests;

/// <summary>The backoffice on its own: its management API on both runtimes; on Dapr, documents load through the worker's workflow API.</summary>
public sealed class BackofficeBootTests(SharedTenant tenant) : IClassFixture<SharedTenant>
{
    [Fact]
    public async Task Backoffice_on_the_embedded_runtime_lists_and_searches_the_tenants_knowledge()
    {
        await using var app = new RoseAppFactory<backoffice::Program>().OnData(tenant.DataPath);
        using var management = Management(app);

        var documents = await management.GetFromJsonAsync<JsonElement>("/api/v1/knowledge/documents");
        var search = await management.GetFromJsonAsync<JsonElement>("/api/v1/knowledge/search?q=classroom+kit+price&k=3");

        Assert.NotEmpty(documents.EnumerateArray());
        Assert.Contains("390 euros", search.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await management.GetAsync("/api/v1/conversations")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await management.GetAsync("/api/v1/skills")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await management.GetAsync("/backoffice/login")).StatusCode);
        var hubSpot = await management.GetFromJsonAsync<JsonElement>("/api/v1/integrations/hubspot");
        Assert.False(hubSpot.GetProperty("connected").GetBoolean());
        // Without Rose:Crm:HubSpot:ClientSecret nothing can be verified, so every webhook is refused.
        Assert.Equal(HttpStatusCode.Unauthorized, (await management.PostAsync("/integrations/v1/hubspot/webhooks", new StringContent("[]"))).StatusCode);
    }

    [Fact]
    public async Task Backoffice_on_dapr_starts_document_loading_through_the_workers_workflow_api()
    {
        await using var sidecar = await FakeDaprSidecar.StartAsync();
        await using var app = new RoseAppFactory<backoffice::Program>().OnData(tenant.DataPath).OnDapr(sidecar);
        using var management = Management(app);

        var response = await management.PostAsJsonAsync("/api/v1/knowledge/documents", new { title = "Terms", contentType = "text/markdown", content = "# Terms\n\nInvoices are due within 30 days." });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var start = Assert.Single(sidecar.Invocations, i => i.AppId == "worker");
        Assert.Equal("POST", start.HttpMethod);
        Assert.Equal("workflows/v1/DocumentLoadingWorkflow/instances", start.Method);
        using var body = JsonDocument.Parse(start.Body);
        Assert.Equal(SharedTenant.TenantId, body.RootElement.GetProperty("tenantId").GetString());
        Assert.True(body.RootElement.GetProperty("input").GetRawText().Length < 200, "the workflow input is ids only");
        Assert.Empty(sidecar.Workflows.Started);
        Assert.Equal(HttpStatusCode.OK, (await management.GetAsync("/backoffice/login")).StatusCode);
    }

    private HttpClient Management(RoseAppFactory<backoffice::Program> app)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tenant.ApiKey);
        return client;
    }
}
