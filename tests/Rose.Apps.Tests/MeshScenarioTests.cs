extern alias admin;
extern alias backoffice;
extern alias search;
extern alias worker;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Rose.Chat.Events;
using Rose.Platform;
using Rose.Platform.Dapr;
using Rose.Testing;
using Rose.Testing.Dapr.Mesh;
using Xunit;

namespace Rose.Apps.Tests;

/// <summary>
/// The apps as deployed, on <c>Rose:Runtime=Dapr</c>, each with its own sidecar in the Dapr test mesh
/// (two search replicas): a tenant created through admin, a document uploaded through backoffice is
/// loaded by DocumentLoadingWorkflow on the worker's real Dapr.Workflow worker (started through the
/// worker's workflow API by service invocation), <c>knowledge.updated</c> reaches both search replicas,
/// and <c>conversation.ended</c> delivered twice is handled once by the worker.
/// Not covered here: the chat turn through the gateway (the mesh models no actors, which the turn gate uses on Dapr).
/// </summary>
public sealed class MeshScenarioTests : IAsyncLifetime
{
    private const string AppToken = "mesh-app-token";
    private const string StaffKey = RoseAppFactory<admin::Program>.StaffKey;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly string dataPath = Directory.CreateTempSubdirectory("rose-mesh-scenario-").FullName;
    private readonly List<IAsyncDisposable> hosts = [];
    private readonly EndedConversations ended = new();
    private DaprTestMesh mesh = null!;
    private HttpClient admin = null!;
    private HttpClient backoffice = null!;

    public async Task InitializeAsync()
    {
        var options = new DaprTestMeshOptions();
        options.StateStores[0] = new StateStoreComponent(DaprComponents.StateStore, StateStoreComponent.NoPrefix); // components/statestore.yaml
        options.PubSubs.Add(new PubSubComponent(DaprComponents.BroadcastPubSub, ConsumerIdMode.PerReplica)); // components/pubsub-broadcast.yaml
        mesh = await DaprTestMesh.StartAsync(options);

        await JoinAsync<worker::Program>(AppIds.Worker, services => services
            .AddSingleton(ended)
            .AddRoseEventHandler<ConversationEnded, CountingEndedHandler>());
        await mesh.Workflows(AppIds.Worker).WaitForWorkersAsync(1, Wait);
        await JoinAsync<search::Program>(AppIds.Search);
        await JoinAsync<search::Program>(AppIds.Search);
        admin = (await JoinAsync<admin::Program>(AppIds.Admin)).CreateClient();
        backoffice = (await JoinAsync<backoffice::Program>(AppIds.Backoffice)).CreateClient();
    }

    [Fact]
    public async Task Tenant_document_loading_and_events_flow_through_the_apps_over_their_sidecars()
    {
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffKey);
        var created = await admin.PostAsJsonAsync("/admin/v1/tenants", new { tenantId = "acme", name = "Acme" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var apiKey = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString();
        backoffice.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);

        var upload = await backoffice.PostAsJsonAsync("/api/v1/knowledge/documents", new
        {
            title = "Pricing",
            url = "https://acme.test/docs/pricing",
            contentType = "text/markdown",
            content = "# Pricing\n\nThe Classroom kit costs 390 euros per year for up to 30 pupils.",
        });
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var documentId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await Eventually.UntilAsync(async () => await StatusAsync(documentId) == "indexed", Wait, "the document is indexed by the worker's workflow");

        // The workflow ran on the worker's sidecar, started by the backoffice through the worker's API.
        Assert.Contains(mesh.Invocations, i => i.CallerAppId == AppIds.Backoffice && i.TargetAppId == AppIds.Worker);
        var run = Assert.Single(mesh.Workflows(AppIds.Worker).Instances);
        Assert.All(run.ActivityPayloads, p => Assert.True(p.InputBytes < 4096 && (p.OutputBytes ?? 0) < 4096, $"{p.Name}: {p.InputBytes} / {p.OutputBytes} bytes"));

        // knowledge.updated reached every search replica (the broadcast component).
        await Eventually.UntilAsync(() => Task.FromResult(
                mesh.PubSub.Attempts.Where(a => a.Topic == "knowledge.updated" && a.AppId == AppIds.Search && a.Result == DeliveryResult.Success)
                    .Select(a => a.ReplicaId).Distinct().Count() == 2),
            Wait, "knowledge.updated delivered to both search replicas");

        // conversation.ended delivered twice (at-least-once) is handled once by the worker.
        var conversation = new ConversationEnded("acme", "c-1", DateTimeOffset.UtcNow, "idle");
        var metadata = new Dictionary<string, string> { ["cloudevent.id"] = conversation.Id.ToString() };
        mesh.Publish(AppIds.Search, DaprComponents.PubSub, ChatTopics.ConversationEnded, conversation, metadata);
        mesh.Publish(AppIds.Search, DaprComponents.PubSub, ChatTopics.ConversationEnded, conversation, metadata);
        await mesh.PubSub.DrainAsync(Wait);
        Assert.Equal(["c-1"], ended.Ids);
        Assert.Equal(2, mesh.PubSub.Attempts.Count(a => a.Topic == ChatTopics.ConversationEnded && a.AppId == AppIds.Worker && a.Result == DeliveryResult.Success));
    }

    public async Task DisposeAsync()
    {
        admin?.Dispose();
        backoffice?.Dispose();
        foreach (var host in Enumerable.Reverse(hosts))
        {
            await host.DisposeAsync();
        }

        await mesh.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataPath, recursive: true);
    }

    private async Task<string?> StatusAsync(string documentId)
    {
        var view = await backoffice.GetFromJsonAsync<JsonElement>($"/api/v1/knowledge/documents/{Uri.EscapeDataString(documentId)}");
        return view.GetProperty("status").GetString()?.ToLowerInvariant();
    }

    /// <summary>Starts one replica of an app on the shared database, joined to its own sidecar in the mesh.</summary>
    private async Task<WebApplicationFactory<TProgram>> JoinAsync<TProgram>(string appId, Action<IServiceCollection>? configure = null)
        where TProgram : class
    {
        var sidecar = await mesh.AddSidecarAsync(appId, AppToken);
        var app = new WebApplicationFactory<TProgram>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("Rose:DataPath", dataPath);
            web.UseSetting("Rose:Admin:ApiKey", StaffKey);
            web.UseSetting("APP_API_TOKEN", AppToken);
            foreach (var (key, value) in sidecar.Settings.Where(s => s.Key != "urls"))
            {
                web.UseSetting(key, value);
            }

            if (configure is not null)
            {
                web.ConfigureTestServices(configure);
            }
        });
        sidecar.ConnectApp(app.Server.CreateHandler(), new Uri("http://localhost"));
        hosts.Add(app);
        return app;
    }
}
