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
using Microsoft.Extensions.Hosting;
using Rose.Chat;
using Rose.Chat.Data;
using Rose.Chat.Pipeline;
using Rose.Geo.Site;
using Rose.Geo.Tests.Support;
using Rose.Platform;
using Rose.Platform.Dapr;
using Rose.Storage;
using Rose.Tenancy;
using Rose.Testing;
using Rose.Testing.Dapr.Mesh;
using Xunit;

namespace Rose.Geo.Tests.Workflow;

/// <summary>
/// Rose's worker, backoffice and search apps on <c>Rose:Runtime=Dapr</c>, each behind its own sidecar in
/// the Dapr test mesh, on one database: a tenant whose knowledge base is three of Rose's own docs pages
/// (loaded by DocumentLoadingWorkflow on the worker), its visitors' conversations, the GEO API as client
/// staff call it (backoffice → worker's workflow API by service invocation), the published site as
/// visitors read it (search, through the blob binding) and a WireMock stub of IndexNow. The worker can be
/// stopped and started again on the same mesh (a process restart: the engine keeps the instances).
/// </summary>
public sealed class GeoMesh : IAsyncDisposable
{
    public const string Tenant = "acme";
    public const string PublicBaseUrl = "https://faq.acme.test";
    public const string DocsBaseUrl = "https://docs.acme.test/";
    private const string AppToken = "geo-mesh-app-token";
    public static readonly TimeSpan Wait = TimeSpan.FromMinutes(3);

    /// <summary>The knowledge base: pages of Rose's docs/ that answer the seeded needs.</summary>
    public static readonly string[] Documents = ["run-with-dapr.md", "run-on-kubernetes.md", "leads.md"];

    private readonly string dataPath = Directory.CreateTempSubdirectory("rose-geo-mesh-").FullName;
    private readonly List<IAsyncDisposable> hosts = [];
    private WebApplicationFactory<worker::Program>? worker;
    private MeshSidecar? workerSidecar;

    private GeoMesh(DaprTestMesh mesh, ExternalApiStub indexNow)
    {
        Mesh = mesh;
        IndexNow = indexNow;
    }

    public DaprTestMesh Mesh { get; }

    public ExternalApiStub IndexNow { get; }

    public MeshWorkflowEngine Engine => Mesh.Workflows(AppIds.Worker);

    /// <summary>The management API of the tenant (bearer API key), served by the backoffice app.</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>Anonymous visitors of the published site, served by the search app.</summary>
    public HttpClient Visitor { get; private set; } = null!;

    public WebApplicationFactory<backoffice::Program> Backoffice { get; private set; } = null!;

    /// <summary>Counts (and can hold) the worker's site publishes across restarts.</summary>
    public PublishCounter Publishes { get; } = new();

    public static async Task<GeoMesh> StartAsync()
    {
        var options = new DaprTestMeshOptions();
        options.StateStores[0] = new StateStoreComponent(DaprComponents.StateStore, StateStoreComponent.NoPrefix); // components/statestore.yaml
        options.PubSubs.Add(new PubSubComponent(DaprComponents.BroadcastPubSub, ConsumerIdMode.PerReplica)); // components/pubsub-broadcast.yaml
        var indexNow = new ExternalApiStub();
        indexNow.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/indexnow").UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(202));
        var geo = new GeoMesh(await DaprTestMesh.StartAsync(options), indexNow);
        await geo.StartWorkerAsync();
        geo.Backoffice = geo.Join<backoffice::Program>(await geo.Mesh.AddSidecarAsync(AppIds.Backoffice, AppToken));
        geo.Visitor = geo.Join<search::Program>(await geo.Mesh.AddSidecarAsync(AppIds.Search, AppToken)).CreateClient();
        await geo.CreateTenantAsync();
        foreach (var document in Documents)
        {
            await geo.UploadAsync(document, File.ReadAllText(RepositoryRoot.PathOf("docs", document)));
        }

        await Eventually.UntilAsync(async () => (await geo.DocumentStatusesAsync()).Count(s => s == "indexed") == Documents.Length, Wait, "the docs to be indexed by the worker");
        return geo;
    }

    /// <summary>Starts a worker host on the worker's sidecar; the previous one must have been stopped.</summary>
    public async Task StartWorkerAsync()
    {
        // A restarted worker comes back behind the same sidecar (as a pod restarts next to its daprd).
        workerSidecar ??= await Mesh.AddSidecarAsync(AppIds.Worker, AppToken);
        worker = Join<worker::Program>(workerSidecar, web => web.ConfigureTestServices(services => Publishes.Decorate(services)));
        await Engine.WaitForWorkersAsync(1, Wait);
    }

    /// <summary>Stops the worker host, as a process that dies: its workflow stream closes, whatever it was doing.</summary>
    public async Task StopWorkerAsync()
    {
        var stopping = worker ?? throw new InvalidOperationException("No worker runs.");
        worker = null;
        hosts.Remove(stopping);
        workerSidecar!.DisconnectApp();
        await stopping.DisposeAsync();
        await Eventually.UntilAsync(() => Engine.ConnectedWorkers == 0, Wait, "the stopped worker's workflow stream to close");
    }

    /// <summary>Uploads (or replaces, by its url) a Markdown page of the knowledge base through the backoffice API.</summary>
    public async Task<string> UploadAsync(string fileName, string content)
    {
        using var response = await Api.PostAsJsonAsync("/api/v1/knowledge/documents", new
        {
            title = Path.GetFileNameWithoutExtension(fileName),
            url = UrlOf(fileName),
            contentType = "text/markdown",
            content,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static string UrlOf(string fileName) => DocsBaseUrl + Path.GetFileNameWithoutExtension(fileName);

    public async Task<IReadOnlyList<string?>> DocumentStatusesAsync()
    {
        var documents = await Api.GetFromJsonAsync<JsonElement>("/api/v1/knowledge/documents");
        var list = documents.ValueKind == JsonValueKind.Array ? documents : documents.GetProperty("items");
        return [.. list.EnumerateArray().Select(d => d.GetProperty("status").GetString()?.ToLowerInvariant())];
    }

    /// <summary>Seeds one conversation per question through Rose.Chat's own store and recorder, as the chat stores them.</summary>
    public async Task SeedAsync(IEnumerable<string> questions)
    {
        foreach (var question in questions)
        {
            await using var scope = Backoffice.Services.CreateAsyncScope();
            using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(Tenant);
            var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
            var (conversation, _) = await new ConversationStore(db, TimeProvider.System).StartAsync("https://acme.test", CancellationToken.None);
            await new ConversationRecorder(db, scope.ServiceProvider.GetRequiredService<ICurrentTenant>(), TimeProvider.System).RecordAsync(
                Tenant, conversation.Id, question, new TurnOutcome(ChatIds.New()) { Text = "…", Model = "offline" }, 10, CancellationToken.None);
        }
    }

    public async Task<string> StartRunAsync()
    {
        using var response = await Api.PostAsync("/api/v1/geo/runs", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString()!;
    }

    public async Task<JsonElement> RunAsync(string instanceId) =>
        await Api.GetFromJsonAsync<JsonElement>($"/api/v1/geo/runs/{instanceId}");

    /// <summary>Polls the run through the API until its status is <paramref name="status"/> (fails at once on <c>failed</c>).</summary>
    public async Task<JsonElement> WaitForStatusAsync(string instanceId, string status)
    {
        JsonElement run = default;
        await Eventually.UntilAsync(async () =>
        {
            run = await RunAsync(instanceId);
            var current = run.GetProperty("status").GetString();
            Assert.False(current == "failed" && status != "failed", $"The run failed: {run.GetProperty("failure")}");
            return current == status;
        }, Wait, $"run {instanceId} to be {status}");
        return run;
    }

    /// <summary>Approves every page of the run through the review endpoint (→ the <c>geo.review</c> event on the worker).</summary>
    public async Task ApproveAllAsync(string instanceId)
    {
        var run = await RunAsync(instanceId);
        var decisions = run.GetProperty("pages").EnumerateArray().Select(p => new { pageId = p.GetProperty("pageId").GetString(), action = "approve" }).ToList();
        using var response = await Api.PostAsJsonAsync($"/api/v1/geo/runs/{instanceId}/review", new { decisions });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>The IndexNow POSTs the stub answered (it logs a request once it has answered it).</summary>
    public IReadOnlyList<IReadOnlyList<string>> IndexNowPings() =>
        [.. IndexNow.Server.LogEntries.Where(e => e.RequestMessage.Path == "/indexnow")
            .Select(e => (IReadOnlyList<string>)[.. JsonDocument.Parse(e.RequestMessage.Body!).RootElement.GetProperty("urlList").EnumerateArray().Select(u => u.GetString()!)])];

    /// <summary>The files under the blob binding's folder, relative to it.</summary>
    public IReadOnlyList<string> Blobs()
    {
        var root = Mesh.BlobRoot(DaprComponents.BlobStore);
        return Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))]
            : [];
    }

    public async ValueTask DisposeAsync()
    {
        Api?.Dispose();
        Visitor?.Dispose();
        foreach (var host in Enumerable.Reverse(hosts))
        {
            await host.DisposeAsync();
        }

        await Mesh.DisposeAsync();
        IndexNow.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataPath, recursive: true);
    }

    private async Task CreateTenantAsync()
    {
        await using var scope = Backoffice.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<TenantAdministration>()
            .CreateAsync(new NewTenant(Tenant, "Acme", ["https://acme.test"]), CancellationToken.None);
        Api = Backoffice.CreateClient();
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.ApiKey);
    }

    /// <summary>Starts one replica of an app on the shared database, joined to its own sidecar (in memory: the mesh reaches it through its TestServer).</summary>
    private WebApplicationFactory<TProgram> Join<TProgram>(MeshSidecar sidecar, Action<IWebHostBuilder>? configure = null)
        where TProgram : class
    {
        var app = new WebApplicationFactory<TProgram>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(Environments.Development);
            web.UseSetting("Rose:DataPath", dataPath);
            web.UseSetting("Rose:Geo:PublicBaseUrl", PublicBaseUrl);
            web.UseSetting("Rose:Geo:IndexNow:Endpoint", IndexNow.Url + "/indexnow");
            web.UseSetting("APP_API_TOKEN", AppToken);
            foreach (var (key, value) in sidecar.Settings.Where(s => s.Key != "urls"))
            {
                web.UseSetting(key, value);
            }

            configure?.Invoke(web);
        });
        hosts.Add(app);
        sidecar.ConnectApp(app.Server.CreateHandler(), new Uri("http://localhost"));
        return app;
    }
}
