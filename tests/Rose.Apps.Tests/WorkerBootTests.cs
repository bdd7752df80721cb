extern alias worker;

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Rose.Testing;
using Rose.Testing.Dapr;
using Xunit;

namespace Rose.Apps.Tests;

/// <summary>The worker on its own, as its sidecar calls it: a topic route and the workflow API other apps call (its cron route: the mesh tests).</summary>
public sealed class WorkerBootTests
{
    [Fact]
    public async Task Worker_on_dapr_serves_a_topic_delivery_and_a_workflow_start_to_its_sidecar()
    {
        await using var sidecar = await FakeDaprSidecar.StartAsync();
        await using var app = new RoseAppFactory<worker::Program>().OnDapr(sidecar);
        using var daprd = app.CreateClient();
        daprd.DefaultRequestHeaders.Add("dapr-api-token", AppSettings.AppToken);

        var subscriptions = await daprd.GetFromJsonAsync<JsonElement>("/dapr/subscribe");
        var route = subscriptions.EnumerateArray().Single(s => s.GetProperty("topic").GetString() == "knowledge.updated").GetProperty("route").GetString()!;
        var delivered = await daprd.PostAsync(route, CloudEvent("knowledge.updated", new { tenantId = "acme", documentId = "acme:d1", change = "indexed", id = Guid.NewGuid() }));
        var started = await daprd.PostAsJsonAsync("/workflows/v1/DocumentLoadingWorkflow/instances", new { tenantId = "acme", localId = "boot-test", input = new { tenantId = "acme", documentId = "d1" } });
        var unknown = await daprd.PostAsJsonAsync("/workflows/v1/NoSuchWorkflow/instances", new { tenantId = "acme" });
        // A lead of a tenant without HubSpot: handled, nothing to push.
        var lead = subscriptions.EnumerateArray().Single(s => s.GetProperty("topic").GetString() == "lead.captured").GetProperty("route").GetString()!;
        var leadDelivered = await daprd.PostAsync(lead, CloudEvent("lead.captured", new { tenantId = "acme", leadId = "l1", conversationId = (string?)null, id = Guid.NewGuid() }));
        var hubSpotSync = await daprd.PostAsJsonAsync("/workflows/v1/HubSpotFullSyncWorkflow/instances", new { tenantId = "acme", localId = "boot-sync", input = new { tenantId = "acme", runId = "boot-sync" } });

        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal("SUCCESS", (await delivered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Contains(sidecar.Workflows.Started, s => s.InstanceId == "acme_boot-test");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("SUCCESS", (await leadDelivered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Accepted, hubSpotSync.StatusCode);
        Assert.Contains(sidecar.Workflows.Started, s => s.InstanceId == "acme_boot-sync");
        Assert.Contains(subscriptions.EnumerateArray(), s => s.GetProperty("topic").GetString() == "lead.qualified");
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Worker_workflow_api_refuses_callers_other_than_its_sidecar()
    {
        await using var sidecar = await FakeDaprSidecar.StartAsync();
        await using var app = new RoseAppFactory<worker::Program>().OnDapr(sidecar);
        using var anybody = app.CreateClient();

        var started = await anybody.PostAsJsonAsync("/workflows/v1/DocumentLoadingWorkflow/instances", new { tenantId = "acme" });

        Assert.Equal(HttpStatusCode.Unauthorized, started.StatusCode);
        Assert.Empty(sidecar.Workflows.Started);
    }

    [Fact]
    public async Task Worker_on_the_embedded_runtime_is_healthy()
    {
        await using var app = new RoseAppFactory<worker::Program>();
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    private static StringContent CloudEvent(string topic, object data) => new(
        JsonSerializer.Serialize(new
        {
            specversion = "1.0",
            id = Guid.NewGuid().ToString(),
            source = "backoffice",
            type = "com.dapr.event.sent",
            datacontenttype = "application/json",
            topic,
            pubsubname = "pubsub",
            data,
        }),
        Encoding.UTF8,
        "application/cloudevents+json");
}
