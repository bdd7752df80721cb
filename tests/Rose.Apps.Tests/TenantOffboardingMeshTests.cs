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
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rose.Analytics.Data;
using Rose.Backoffice.Pages.Accounts;
using Rose.Knowledge.Retrieval;
using Rose.Platform;
using Rose.Platform.Bindings;
using Rose.Platform.Dapr;
using Rose.Platform.Erasure;
using Rose.Platform.State;
using Rose.Testing;
using Rose.Testing.Dapr.Mesh;
using Xunit;

namespace Rose.Apps.Tests;

/// <summary>
/// Off-boarding as deployed: admin's DELETE starts <c>TenantOffboardingWorkflow</c> through the worker's
/// workflow API; the worker's Dapr.Workflow worker runs it on the mesh, its own erasers in process and
/// those only the other apps hold (backoffice's accounts, admin's dead letters) by service invocation;
/// every app's cache of the tenant is cleared first, so search refuses the key afterwards.
/// </summary>
public sealed class TenantOffboardingMeshTests : IAsyncLifetime
{
    private const string AppToken = "mesh-app-token";
    private const string StaffKey = RoseAppFactory<admin::Program>.StaffKey;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly string dataPath = Directory.CreateTempSubdirectory("rose-mesh-offboarding-").FullName;
    private readonly List<IAsyncDisposable> hosts = [];
    private DaprTestMesh mesh = null!;
    private WebApplicationFactory<search::Program> search = null!;
    private WebApplicationFactory<backoffice::Program> backoffice = null!;
    private HttpClient admin = null!;

    public async Task InitializeAsync()
    {
        var options = new DaprTestMeshOptions();
        options.StateStores[0] = new StateStoreComponent(DaprComponents.StateStore, StateStoreComponent.NoPrefix); // components/statestore.yaml
        options.PubSubs.Add(new PubSubComponent(DaprComponents.BroadcastPubSub, ConsumerIdMode.PerReplica)); // components/pubsub-broadcast.yaml
        mesh = await DaprTestMesh.StartAsync(options);
        await JoinAsync<worker::Program>(AppIds.Worker);
        await mesh.Workflows(AppIds.Worker).WaitForWorkersAsync(1, Wait);
        search = await JoinAsync<search::Program>(AppIds.Search);
        backoffice = await JoinAsync<backoffice::Program>(AppIds.Backoffice);
        admin = (await JoinAsync<admin::Program>(AppIds.Admin)).CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffKey);
    }

    [Fact]
    public async Task Offboarding_runs_on_the_worker_and_erases_what_every_app_holds_through_its_sidecar()
    {
        var leaving = await SeedAsync("leaving");
        var staying = await SeedAsync("staying");
        var searchIndexes = search.Services.GetRequiredService<KnowledgeIndexCache>();
        await searchIndexes.WarmAsync("leaving", CancellationToken.None);
        await searchIndexes.WarmAsync("staying", CancellationToken.None);

        var response = await admin.DeleteAsync("/admin/v1/tenants/leaving");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var instanceId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString()!;
        var run = await mesh.Workflows(AppIds.Worker).WaitForCompletionAsync(instanceId, Wait);
        Assert.True(run.Status == Dapr.DurableTask.Protobuf.OrchestrationStatus.Completed, run.FailureDetails?.ErrorMessage);
        Assert.Equal("TenantOffboardingWorkflow", run.Name);
        Assert.All(run.ActivityPayloads, p => Assert.True(p.InputBytes < 4096 && (p.OutputBytes ?? 0) < 4096, $"{p.Name}: {p.InputBytes} / {p.OutputBytes} bytes"));
        var status = await admin.GetFromJsonAsync<JsonElement>("/admin/v1/tenants/leaving/offboarding");
        Assert.Equal("offboarded", status.GetProperty("state").GetString());
        var erased = status.GetProperty("erased").EnumerateArray().Select(e => e.GetString()).ToList();
        // First what each app keeps in memory (its cache of the tenant, its index of the tenant's knowledge), in every app.
        var everyApp = erased.TakeWhile(e => e is "tenant-directory" or "knowledge-index").ToList();
        Assert.Equal(4, everyApp.Count(e => e == "tenant-directory"));
        Assert.Contains("knowledge-index", everyApp);
        Assert.Contains("analytics", erased);
        Assert.Contains("backoffice-accounts", erased);
        Assert.Contains("dead-letters", erased);
        Assert.Equal("tenancy", erased[^1]);
        Assert.Equal(erased.Count - everyApp.Count, erased.Skip(everyApp.Count).Distinct().Count());

        // Each remote eraser ran in its app, called by the worker through the sidecars.
        var erasures = mesh.Invocations.Where(i => i.Method.Contains(TenantErasureRoutes.Prefix.TrimStart('/'), StringComparison.Ordinal)).ToList();
        var seen = string.Join("; ", mesh.Invocations.Select(i => $"{i.CallerAppId}->{i.TargetAppId} {i.HttpMethod} {i.Method}"));
        Assert.True(erasures.All(i => i.CallerAppId == AppIds.Worker), seen);
        Assert.True(erasures.Any(i => i.TargetAppId == AppIds.Search && i.Method.Contains("/tenant-directory/", StringComparison.Ordinal)), seen);
        Assert.True(erasures.Any(i => i.TargetAppId == AppIds.Search && i.Method.Contains("/knowledge-index/", StringComparison.Ordinal)), seen);
        Assert.True(erasures.Any(i => i.TargetAppId == AppIds.Backoffice && i.Method.Contains("/backoffice-accounts/", StringComparison.Ordinal)), seen);
        Assert.True(erasures.Any(i => i.TargetAppId == AppIds.Admin && i.Method.Contains("/dead-letters/", StringComparison.Ordinal)), seen);

        Assert.Equal((0, 1), (await EventRowsAsync("leaving"), await EventRowsAsync("staying")));

        // Search's in-memory index of the tenant went too, though the worker erased the stored knowledge.
        Assert.False(searchIndexes.Holds("leaving"), "search still holds the off-boarded tenant's index");
        Assert.True(searchIndexes.Holds("staying"));
        await using (var scope = search.Services.CreateAsyncScope())
        {
            var state = scope.ServiceProvider.GetRequiredService<IStateStore>();
            Assert.Null(await state.GetAsync<JsonElement>("leaving", "chat-memory:" + leaving.ConversationId));
            Assert.NotNull(await state.GetAsync<JsonElement>("staying", "chat-memory:" + staying.ConversationId));
        }

        await using (var scope = backoffice.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<BackofficeAccountsDbContext>();
            Assert.False(await accounts.Users.AnyAsync(u => u.Email == "owner@leaving.test"));
            Assert.True(await accounts.Users.AnyAsync(u => u.Email == "owner@staying.test"));
            var blobs = scope.ServiceProvider.GetRequiredService<IBlobStore>();
            Assert.Empty(await blobs.ListAsync("leaving"));
            Assert.Single(await blobs.ListAsync("staying"));
        }

        // Search had the tenant cached from the events above; the first step cleared that.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Widget(leaving.PublicKey).GetAsync("/rose/v1/widget/config")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Widget(staying.PublicKey).GetAsync("/rose/v1/widget/config")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/v1/tenants/leaving")).StatusCode);
    }

    public async Task DisposeAsync()
    {
        admin?.Dispose();
        foreach (var host in Enumerable.Reverse(hosts))
        {
            await host.DisposeAsync();
        }

        await mesh.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataPath, recursive: true);
    }

    private async Task<(string PublicKey, string ConversationId)> SeedAsync(string tenantId)
    {
        var created = await admin.PostAsJsonAsync("/admin/v1/tenants", new { tenantId, name = tenantId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var publicKey = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tenant").GetProperty("publicKey").GetString()!;
        var widget = Widget(publicKey);
        var events = await widget.PostAsJsonAsync("/rose/v1/events", new { events = new[] { new { type = "open" } } });
        Assert.Equal(HttpStatusCode.Accepted, events.StatusCode);
        var started = await widget.PostAsync("/rose/v1/conversations", null);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var conversationId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString()!;
        await using (var scope = search.Services.CreateAsyncScope())
        {
            // What a turn leaves in the Dapr state store (the mesh's, keys as Redis holds them).
            await scope.ServiceProvider.GetRequiredService<IStateStore>().SaveAsync(tenantId, "chat-memory:" + conversationId, new { turns = 1 });
        }

        await using (var scope = backoffice.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BackofficeAccounts>().EnsureOwnerAsync(tenantId, $"owner@{tenantId}.test", "correct horse battery", CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<IBlobStore>().PutAsync(tenantId, "site/index.html", "<h1>FAQ</h1>"u8.ToArray());
        }

        return (publicKey, conversationId);
    }

    private async Task<int> EventRowsAsync(string tenantId)
    {
        await using var scope = search.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>().Events.IgnoreQueryFilters().CountAsync(e => e.TenantId == tenantId);
    }

    private HttpClient Widget(string publicKey)
    {
        var client = search.CreateClient();
        client.DefaultRequestHeaders.Add("X-Rose-Key", publicKey);
        return client;
    }

    /// <summary>One replica of an app on the shared database, joined to its own sidecar in the mesh.</summary>
    private async Task<WebApplicationFactory<TProgram>> JoinAsync<TProgram>(string appId)
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
        });
        hosts.Add(app);
        sidecar.ConnectApp(app.Server.CreateHandler(), new Uri("http://localhost"));
        return app;
    }
}
