using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Rose.Platform.Bindings;
using Rose.Platform.Tests.Support;
using Rose.Platform.Workflows;
using Rose.Testing.Dapr;
using Xunit;

namespace Rose.Platform.Tests.Worker;

/// <summary>The worker app as configured by its Program.cs, on each runtime.</summary>
public sealed class WorkerHostTests : IDisposable
{
    private readonly TempDataFolder folder = new();

    [Fact]
    public async Task Worker_on_the_embedded_runtime_starts_and_runs_the_workflow_purge_job()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Rose:DataPath", folder.Path);
        });
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        // In registration order: from Rose.Knowledge the FAQ update, the workflow purge, from Rose.Tagging the retag and the visitor-data retention, from Rose.Geo the weekly GEO run, from Rose.Crm webhook retries and HubSpot's incremental sync.
        Assert.Equal(
            ["faq-update", CronJobs.WorkflowPurge.Name, "conversation-retag", "visitor-data-retention", "geo-weekly-run", "webhook-deliveries", "hubspot-incremental-sync"],
            factory.Services.GetServices<CronJobRegistration>().Select(j => j.Definition.Name));
        Assert.Contains(factory.Services.GetServices<CronJobRegistration>(), j => j.Definition == CronJobs.WorkflowPurge);
        Assert.Contains("DocumentLoadingWorkflow", factory.Services.GetRequiredService<WorkflowRegistrations>().Workflows.Keys);
        Assert.Contains("GeoPublishingWorkflow", factory.Services.GetRequiredService<WorkflowRegistrations>().Workflows.Keys);
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowPurgeJob>().RunAsync(CancellationToken.None);
        Assert.True(File.Exists(Path.Combine(folder.Path, "platform.db")));
    }

    [Fact]
    public async Task Worker_on_dapr_serves_subscribe_and_the_cron_route_behind_the_app_token()
    {
        await using var sidecar = await FakeDaprSidecar.StartAsync();
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Rose:Runtime", "Dapr");
            // Its own SQLite file: hosts of other test classes migrating the shared default one at the same time collide.
            web.UseSetting("Rose:DataPath", folder.Path);
            web.UseSetting("APP_API_TOKEN", "worker-app-token");
            foreach (var (key, value) in sidecar.Settings)
            {
                web.UseSetting(key, value);
            }
        });
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/" + CronJobs.WorkflowPurge.Name, null)).StatusCode);
        client.DefaultRequestHeaders.Add("dapr-api-token", "worker-app-token");
        using var subscribe = await client.GetAsync("/dapr/subscribe");
        Assert.Equal(HttpStatusCode.OK, subscribe.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.GetAsync("/" + CronJobs.WorkflowPurge.Name)).StatusCode);
    }

    public void Dispose() => folder.Dispose();
}
