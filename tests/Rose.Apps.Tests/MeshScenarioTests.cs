extern alias admin;
extern alias backoffice;
extern alias gateway;
extern alias search;
extern alias worker;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Rose.Chat.Events;
using Rose.Chat.Jobs;
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
/// a widget conversation through the gateway is answered with a citation of that document (the turn
/// gated by the conversation actor, placed by the mesh on one search replica), the idle-check cron fired
/// on both search replicas ends it once, and <c>conversation.ended</c> — delivered again — is handled
/// once by the worker, whose Rose.Tagging tags it once however often and from however many replicas it
/// is delivered.
/// </summary>
public sealed class MeshScenarioTests : IAsyncLifetime
{
    private const string AppToken = "mesh-app-token";
    private const string StaffKey = RoseAppFactory<admin::Program>.StaffKey;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan IdleAfter = TimeSpan.FromSeconds(1);
    private readonly string dataPath = Directory.CreateTempSubdirectory("rose-mesh-scenario-").FullName;
    private readonly List<IAsyncDisposable> hosts = [];
    private readonly EndedConversations ended = new();
    private DaprTestMesh mesh = null!;
    private HttpClient admin = null!;
    private HttpClient backoffice = null!;
    private HttpClient visitor = null!;

    public async Task InitializeAsync()
    {
        var options = new DaprTestMeshOptions();
        options.StateStores[0] = new StateStoreComponent(DaprComponents.StateStore, StateStoreComponent.NoPrefix); // components/statestore.yaml
        options.PubSubs.Add(new PubSubComponent(DaprComponents.BroadcastPubSub, ConsumerIdMode.PerReplica)); // components/pubsub-broadcast.yaml
        mesh = await DaprTestMesh.StartAsync(options);

        await JoinAsync<worker::Program>(AppIds.Worker, web => web.ConfigureTestServices(services => services
            .AddSingleton(ended)
            .AddRoseEventHandler<ConversationEnded, CountingEndedHandler>()));
        await mesh.Workflows(AppIds.Worker).WaitForWorkersAsync(1, Wait);
        // Search listens on a real port: the gateway sends the widget's streamed answer straight to it.
        var search = await JoinAsync<search::Program>(AppIds.Search, listen: true);
        await JoinAsync<search::Program>(AppIds.Search, listen: true);
        admin = (await JoinAsync<admin::Program>(AppIds.Admin)).CreateClient();
        backoffice = (await JoinAsync<backoffice::Program>(AppIds.Backoffice)).CreateClient();
        var gateway = await JoinAsync<gateway::Program>(AppIds.Gateway, web => web.UseSetting("Rose:Gateway:Destinations:search", AddressOf(search).ToString()));
        visitor = gateway.CreateClient();
    }

    [Fact]
    public async Task Tenant_document_loading_and_events_flow_through_the_apps_over_their_sidecars()
    {
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffKey);
        var created = await admin.PostAsJsonAsync("/admin/v1/tenants", new { tenantId = "acme", name = "Acme" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var tenant = await created.Content.ReadFromJsonAsync<JsonElement>();
        var apiKey = tenant.GetProperty("apiKey").GetString();
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

        // A visitor asks through the gateway: the conversation starts over the gateway's sidecar, the
        // answer streams straight from search, gated by the conversation's actor.
        visitor.DefaultRequestHeaders.Add("X-Rose-Key", tenant.GetProperty("tenant").GetProperty("publicKey").GetString());
        using var started = await visitor.PostAsync("/rose/v1/conversations", null);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var conversation = await started.Content.ReadFromJsonAsync<JsonElement>();
        var conversationId = conversation.GetProperty("conversationId").GetString()!;
        using var ask = new HttpRequestMessage(HttpMethod.Post, $"/rose/v1/conversations/{conversationId}/messages")
        {
            Content = JsonContent.Create(new { text = "How much does the Classroom kit cost?" }),
        };
        ask.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.GetProperty("token").GetString());
        using var answer = await visitor.SendAsync(ask);
        var stream = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, stream);
        var text = string.Concat(Regex.Matches(stream, "event: token\ndata: (.*)\n").Select(m => JsonDocument.Parse(m.Groups[1].Value).RootElement.GetProperty("text").GetString()));
        Assert.Contains("390 euros", text, StringComparison.Ordinal);
        Assert.Contains("https://acme.test/docs/pricing", stream, StringComparison.Ordinal);
        Assert.Contains(mesh.Invocations, i => i.CallerAppId == AppIds.Gateway && i.TargetAppId == AppIds.Search);
        Assert.Contains(mesh.ActorCalls, c => c.ActorType == "ConversationTurnActor" && c.ActorId == $"acme:{conversationId}" && c.Method == "TryAcquireAsync");
        Assert.Contains(mesh.ActorCalls, c => c.ActorId == $"acme:{conversationId}" && c.Method == "ReleaseAsync");

        // Idle for longer than Rose:Chat:IdleAfter, the conversation is ended by the cron that fires on
        // both search replicas; one of them ends it and its outbox publishes conversation.ended.
        await Eventually.UntilAsync(async () =>
        {
            Assert.All(await mesh.FireCronAsync(AppIds.Search, ChatJobs.ConversationIdleCheck.Name), status => Assert.Equal(HttpStatusCode.OK, status));
            return mesh.PubSub.Published.Any(e => e.Topic == ChatTopics.ConversationEnded);
        }, Wait, "the idle check ends the conversation");
        await mesh.PubSub.DrainAsync(Wait);
        var endedEvent = Assert.Single(mesh.PubSub.Published, e => e.Topic == ChatTopics.ConversationEnded);
        Assert.Equal(conversationId, endedEvent.CloudEvent["data"]?["conversationId"]?.GetValue<string>());
        Assert.Equal([conversationId], ended.Ids);

        // At-least-once: the same event delivered again changes nothing in the worker.
        mesh.Publish(AppIds.Search, DaprComponents.PubSub, ChatTopics.ConversationEnded, endedEvent.CloudEvent["data"]!, new Dictionary<string, string> { ["cloudevent.id"] = endedEvent.Id });
        await mesh.PubSub.DrainAsync(Wait);
        Assert.Equal([conversationId], ended.Ids);
        Assert.Equal(2, mesh.PubSub.Attempts.Count(a => a.Topic == ChatTopics.ConversationEnded && a.AppId == AppIds.Worker && a.Result == DeliveryResult.Success));

        // The worker's Rose.Tagging tagged and scored the conversation on conversation.ended; the lead is
        // read back through the backoffice's API over the shared database.
        JsonElement? tagged = null;
        await Eventually.UntilAsync(async () =>
        {
            using var response = await backoffice.GetAsync($"/api/v1/conversations/{conversationId}/lead");
            tagged = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
            return tagged is not null;
        }, Wait, "the worker tags the ended conversation");
        var first = tagged!.Value;
        Assert.NotEqual(0, first.GetProperty("tags").GetArrayLength());

        // Tagging is idempotent per conversation and label-set version on the Dapr runtime too: another
        // replica ending the same conversation (an event of its own) and one more redelivery of the first
        // event, both in flight at once, leave the tagging as it was.
        mesh.Publish(AppIds.Search, DaprComponents.PubSub, ChatTopics.ConversationEnded, endedEvent.CloudEvent["data"]!.DeepClone(), new Dictionary<string, string> { ["cloudevent.id"] = Guid.NewGuid().ToString("N") });
        mesh.Publish(AppIds.Search, DaprComponents.PubSub, ChatTopics.ConversationEnded, endedEvent.CloudEvent["data"]!.DeepClone(), new Dictionary<string, string> { ["cloudevent.id"] = endedEvent.Id });
        await mesh.PubSub.DrainAsync(Wait);
        Assert.Equal(4, mesh.PubSub.Attempts.Count(a => a.Topic == ChatTopics.ConversationEnded && a.AppId == AppIds.Worker && a.Result == DeliveryResult.Success));
        var again = await backoffice.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversationId}/lead");
        Assert.Equal(first.GetProperty("taggedAt").GetDateTimeOffset(), again.GetProperty("taggedAt").GetDateTimeOffset());
        Assert.Equal(first.GetProperty("score").GetProperty("value").GetInt32(), again.GetProperty("score").GetProperty("value").GetInt32());
        var leads = await backoffice.GetFromJsonAsync<JsonElement>("/api/v1/leads");
        Assert.Single(leads.EnumerateArray(), l => l.GetProperty("conversationId").GetString() == conversationId);
    }

    public async Task DisposeAsync()
    {
        admin?.Dispose();
        backoffice?.Dispose();
        visitor?.Dispose();
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

    /// <summary>
    /// Starts one replica of an app on the shared database, joined to its own sidecar in the mesh: in
    /// memory, or on a real loopback port when <paramref name="listen"/> (for apps something reaches without a sidecar).
    /// </summary>
    private async Task<WebApplicationFactory<TProgram>> JoinAsync<TProgram>(string appId, Action<IWebHostBuilder>? configure = null, bool listen = false)
        where TProgram : class
    {
        var sidecar = await mesh.AddSidecarAsync(appId, AppToken);
        var app = new WebApplicationFactory<TProgram>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("Rose:DataPath", dataPath);
            web.UseSetting("Rose:Admin:ApiKey", StaffKey);
            web.UseSetting("Rose:Chat:IdleAfter", IdleAfter.ToString());
            web.UseSetting("APP_API_TOKEN", AppToken);
            foreach (var (key, value) in sidecar.Settings.Where(s => s.Key != "urls"))
            {
                web.UseSetting(key, value);
            }

            if (listen)
            {
                web.UseSetting("urls", "http://127.0.0.1:0"); // the kernel picks a free port
            }

            configure?.Invoke(web);
        });
        hosts.Add(app);
        if (listen)
        {
            app.UseKestrel();
            app.StartServer();
            sidecar.ConnectApp(AddressOf(app));
        }
        else
        {
            sidecar.ConnectApp(app.Server.CreateHandler(), new Uri("http://localhost"));
        }

        return app;
    }

    private static Uri AddressOf<TProgram>(WebApplicationFactory<TProgram> app)
        where TProgram : class =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
