using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rose.Platform.Tests.Embedded.Workflows;
using Rose.Platform.Workflows;
using Rose.Testing.Dapr;
using Xunit;

namespace Rose.Platform.Tests.Dapr;

/// <summary>The workflow port on Dapr: what DaprWorkflowClient sends to the (fake) sidecar's task hub.</summary>
public sealed class DaprWorkflowSchedulerTests : IAsyncLifetime
{
    private FakeDaprSidecar sidecar = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        sidecar = await FakeDaprSidecar.StartAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(sidecar.Settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Rose:Runtime"] = "Dapr" })
            .Build();
        var collection = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        collection.AddRosePlatform(configuration);
        collection.AddRoseWorkflows(configuration, workflows => workflows.AddWorkflow<ThreeStepWorkflow>().AddActivity<StepOne>());
        services = collection.BuildServiceProvider();
    }

    [Fact]
    public async Task Schedule_starts_the_workflow_by_class_name_with_a_tenant_instance_id_and_json_input()
    {
        var scheduler = services.GetRequiredService<IWorkflowScheduler>();

        var instanceId = await scheduler.ScheduleAsync<ThreeStepWorkflow>("acme", new { documentId = "d-1" }, "doc-1");

        Assert.Equal("acme_doc-1", instanceId);
        var request = Assert.Single(sidecar.Workflows.Started);
        Assert.Equal(nameof(ThreeStepWorkflow), request.Name);
        Assert.Equal("acme_doc-1", request.InstanceId);
        Assert.Equal("d-1", JsonDocument.Parse(request.Input).RootElement.GetProperty("documentId").GetString());
    }

    [Fact]
    public async Task Raise_event_and_terminate_reach_the_instance()
    {
        var scheduler = services.GetRequiredService<IWorkflowScheduler>();

        await scheduler.RaiseEventAsync("acme_doc-1", "approved", new { by = "staff" });
        await scheduler.TerminateAsync("acme_doc-1", "cancelled");

        var raised = Assert.Single(sidecar.Workflows.RaisedEvents);
        Assert.Equal(("acme_doc-1", "approved"), (raised.InstanceId, raised.Name));
        Assert.Equal("staff", JsonDocument.Parse(raised.Input).RootElement.GetProperty("by").GetString());
        Assert.Equal("acme_doc-1", Assert.Single(sidecar.Workflows.Terminated).InstanceId);
    }

    [Fact]
    public void Instance_ids_reject_what_Dapr_would_refuse()
    {
        Assert.Throws<ArgumentException>(() => WorkflowInstanceIds.Compose("acme", "doc:1"));
        Assert.Throws<ArgumentException>(() => WorkflowInstanceIds.Compose("acme", new string('x', 64)));
        Assert.Equal("acme", WorkflowInstanceIds.TenantOf("acme_doc_1"));
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await sidecar.DisposeAsync();
    }
}
