using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Rose.Platform.Bindings;
using Rose.Platform.Dapr;
using Rose.Testing.Dapr.Mesh;
using Xunit;

namespace Rose.Testing.Tests;

/// <summary>Rose's real worker host, as its Program.cs builds it with Rose:Runtime=Dapr, joined to the mesh.</summary>
public sealed class RoseWorkerOnMeshTests : IAsyncLifetime
{
    private const string AppToken = "worker-app-token";
    private readonly string dataPath = Directory.CreateTempSubdirectory("rose-worker-mesh-").FullName;
    private DaprTestMesh mesh = null!;
    private MeshSidecar sidecar = null!;
    private WebApplicationFactory<Program> worker = null!;

    public async Task InitializeAsync()
    {
        var options = new DaprTestMeshOptions();
        options.StateStores[0] = new StateStoreComponent(DaprComponents.StateStore, StateStoreComponent.NoPrefix);
        mesh = await DaprTestMesh.StartAsync(options);
        sidecar = await mesh.AddSidecarAsync("worker", AppToken);
        worker = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Rose:DataPath", dataPath);
            foreach (var (key, value) in sidecar.Settings.Where(s => s.Key != "urls"))
            {
                web.UseSetting(key, value);
            }
        });
        sidecar.ConnectApp(worker.Server.CreateHandler(), new Uri("http://localhost"));
    }

    public async Task DisposeAsync()
    {
        await worker.DisposeAsync();
        await mesh.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataPath, recursive: true);
    }

    [Fact]
    public async Task The_worker_opens_its_workflow_stream_and_runs_its_purge_job_when_the_cron_binding_fires()
    {
        await mesh.Workflows("worker").WaitForWorkersAsync(1, TimeSpan.FromSeconds(20));

        var statuses = await mesh.FireCronAsync("worker", CronJobs.WorkflowPurge.Name);

        Assert.Equal([HttpStatusCode.OK], statuses);
    }
}
