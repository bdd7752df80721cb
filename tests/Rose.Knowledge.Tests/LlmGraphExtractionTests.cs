using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rose.Knowledge.Data;
using Rose.Knowledge.Graph;
using Rose.Knowledge.Ingestion;
using Rose.Knowledge.Retrieval;
using Rose.Knowledge.Tests.Fixtures;
using Rose.Llm;
using Rose.Llm.Accounting;
using Rose.Llm.Configuration;
using Rose.Storage;
using Rose.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rose.Knowledge.Tests;

/// <summary>
/// Knowledge-graph extraction by the LLM of the <c>graph-extraction</c> purpose, against a local
/// server speaking OpenAI's chat-completions protocol, through the module's registration, storage
/// and retrieval; and the offline extractor taking over whenever the LLM cannot be used.
/// </summary>
public sealed class LlmGraphExtractionTests : IAsyncLifetime
{
    private const string ChatPath = "/v1/chat/completions";
    private const string Acme = "acme";
    private const string Globex = "globex";

    private const string LaunchKit = """
        # Launch kit

        The launch controller ignites the solid fuel motor when the countdown ends.

        ## Recovery

        After apogee the parachute bay releases the nylon parachute.
        """;

    private const string Integrations = """
        # Integrations

        Acme connects to Google Analytics and HubSpot in two clicks.
        """;

    private static readonly string LaunchKitGraph = JsonSerializer.Serialize(new
    {
        chunks = new object[]
        {
            new
            {
                chunk = 1,
                entities = new object[]
                {
                    new { name = "Launch  controller", type = "product", description = "starts the motor" },
                    new { name = "solid fuel motor", type = "product", description = "what lifts the rocket" },
                },
                relations = new object[]
                {
                    new { source = "launch controller", target = "Solid fuel motor", keywords = "ignites", description = "ignites it when the countdown ends" },
                },
            },
            new
            {
                chunk = 2,
                entities = new object[] { new { name = "parachute bay", type = "feature", confidence = 0.9 } },
                // Keywords as a list, and an end the model did not list as an entity.
                relations = new object[] { new { source = "parachute bay", target = "nylon parachute", keywords = new[] { "releases", "after apogee" } } },
            },
        },
        notes = "fields nobody asked for are ignored",
    });

    private readonly string folder = Directory.CreateTempSubdirectory("rose-knowledge-graph-").FullName;
    private readonly ExternalApiStub stub = new();
    private int databases;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        stub.Dispose();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Entities_and_relations_from_the_llm_are_stored_per_tenant_and_used_by_graph_retrieval()
    {
        Reply(OpenAiWire.Completion(LaunchKitGraph));
        await using var host = await StartAsync(withProvider: true);
        Assert.IsType<LlmGraphExtractor>(host.Services.GetRequiredService<IGraphExtractor>());

        var view = await host.SubmitAsync(Acme, Markdown("launch-kit.md", LaunchKit));

        Assert.Equal(DocumentStatus.Indexed, (await DocumentAsync(host, Acme, view.Id)).Status);
        var (chunks, mentions, relations) = await GraphAsync(host, Acme);
        Assert.Equal(2, chunks.Count);
        // Both chunks went in one call, asked in the chat-completions format with the prompt's numbered chunks.
        Assert.Equal(1, stub.CallsTo(ChatPath));
        using (var request = JsonDocument.Parse(stub.Server.LogEntries.Single().RequestMessage.Body!))
        {
            var prompt = request.RootElement.GetProperty("messages")[0].GetProperty("content").GetString()!;
            Assert.Contains("### Chunk 1\nLaunch kit\nThe launch controller ignites", prompt, StringComparison.Ordinal);
            Assert.Contains("### Chunk 2\nLaunch kit > Recovery\nAfter apogee", prompt, StringComparison.Ordinal);
        }

        var ignition = chunks.Single(c => c.Text.Contains("ignites", StringComparison.Ordinal)).Id;
        var recovery = chunks.Single(c => c.Text.Contains("apogee", StringComparison.Ordinal)).Id;
        Assert.Equal(
            ["launch controller", "solid fuel motor"],
            mentions.Where(m => m.ChunkId == ignition).Select(m => m.Entity).Order(StringComparer.Ordinal));
        Assert.Equal("Launch controller", mentions.Single(m => m.Entity == "launch controller").Label);
        Assert.Equal(["nylon parachute", "parachute bay"], mentions.Where(m => m.ChunkId == recovery).Select(m => m.Entity).Order(StringComparer.Ordinal));
        var ignites = relations.Single(r => r.ChunkId == ignition);
        Assert.Equal(("launch controller", "solid fuel motor"), (ignites.Source, ignites.Target));
        Assert.Equal("ignites countdown ends", ignites.Keywords);
        Assert.Equal("releases after apogee", relations.Single(r => r.ChunkId == recovery).Keywords);

        // Graph retrieval finds the chunk through the LLM's entities, which the offline extractor never sees (lower case).
        var index = await host.Services.GetRequiredService<KnowledgeIndexCache>().GetAsync(Acme, CancellationToken.None);
        var query = "What does the launch controller do to the solid fuel motor?";
        var named = index.Graph.EntitiesIn(query);
        Assert.Equal(["launch controller", "solid fuel motor"], named.Order(StringComparer.Ordinal));
        Assert.Equal(ignition, LocalId(index.Chunks[index.Graph.Local(named, 1)[0].Ordinal].ChunkId));
        Assert.Equal(ignition, LocalId(index.Chunks[index.Graph.Global(named, query, 1)[0].Ordinal].ChunkId));
        Assert.Contains("ignites", (await host.SearchAsync(Acme, query))[0].Text, StringComparison.Ordinal);

        // The tokens were accounted to the tenant, under the purpose.
        var now = DateTime.UtcNow;
        var usage = await host.Services.GetRequiredService<ILlmUsageLedger>().TotalsAsync(Acme, now.Year, now.Month, CancellationToken.None);
        Assert.Equal(1, Assert.Single(usage, u => u.Purpose == LlmPurposes.GraphExtraction).Calls);

        // Each tenant's graph holds only what was extracted from its own documents.
        stub.Server.ResetMappings();
        Reply(OpenAiWire.Completion("""{"chunks": [{"chunk": 1, "entities": [{"name": "industrial pumps", "type": "product"}]}]}"""));
        await host.SubmitAsync(Globex, new DocumentSubmission("Pumps", null, "pumps.txt", "text/plain", TestDocuments.Utf8("Globex sells industrial pumps.")));
        var (_, globexMentions, _) = await GraphAsync(host, Globex);
        Assert.Equal(["industrial pumps"], globexMentions.Select(m => m.Entity));
        Assert.DoesNotContain((await GraphAsync(host, Acme)).Mentions, m => m.Entity == "industrial pumps");
        Assert.Empty((await host.Services.GetRequiredService<KnowledgeIndexCache>().GetAsync(Globex, CancellationToken.None)).Graph.EntitiesIn(query));
        Assert.Empty((await host.Services.GetRequiredService<KnowledgeIndexCache>().GetAsync(Acme, CancellationToken.None)).Graph.EntitiesIn("industrial pumps"));
    }

    [Fact]
    public async Task Malformed_llm_output_falls_back_to_the_offline_extractor()
    {
        Reply(OpenAiWire.Completion("```json\n{\"chunks\": [{\"chunk\": 1, \"entities\": [{\"name\": "));
        await using var host = await StartAsync(withProvider: true);

        var view = await host.SubmitAsync(Acme, Markdown("integrations.md", Integrations));

        Assert.Equal(DocumentStatus.Indexed, (await DocumentAsync(host, Acme, view.Id)).Status);
        Assert.Equal(1, stub.CallsTo(ChatPath));
        await AssertOfflineGraphAsync(host);
    }

    [Fact]
    public async Task An_llm_failure_does_not_fail_the_document()
    {
        stub.Server.Given(Request.Create().WithPath(ChatPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(500).WithHeader("Content-Type", "application/json").WithBody("{\"error\":{\"message\":\"stubbed\"}}"));
        await using var host = await StartAsync(withProvider: true);

        var view = await host.SubmitAsync(Acme, Markdown("integrations.md", Integrations));

        var stored = await DocumentAsync(host, Acme, view.Id);
        Assert.Equal(DocumentStatus.Indexed, stored.Status);
        Assert.Null(stored.Error);
        Assert.Equal(2, stub.CallsTo(ChatPath)); // one attempt and one retry, as configured
        await AssertOfflineGraphAsync(host);
    }

    [Fact]
    public async Task A_reply_cut_off_at_the_token_limit_is_asked_again_with_fewer_chunks()
    {
        var single = JsonSerializer.Serialize(new { chunks = new[] { new { chunk = 1, entities = new[] { new { name = "launch kit", type = "product" } } } } });
        // Two chunks in one call overflow the output limit; one chunk per call fits.
        stub.Server.Given(Request.Create().WithPath(ChatPath).UsingPost().WithBody((string? body) => body?.Contains("### Chunk 2", StringComparison.Ordinal) == true)).AtPriority(1)
            .RespondWith(Json(OpenAiWire.Completion("{\"chunks\": [{\"chunk\": 1, \"entities\": [{\"name\": \"launch", finishReason: "length")));
        stub.Server.Given(Request.Create().WithPath(ChatPath).UsingPost()).AtPriority(2)
            .RespondWith(Json(OpenAiWire.Completion(single)));
        await using var host = await StartAsync(withProvider: true);

        await host.SubmitAsync(Acme, Markdown("launch-kit.md", LaunchKit));

        Assert.Equal(3, stub.CallsTo(ChatPath));
        var (chunks, mentions, _) = await GraphAsync(host, Acme);
        Assert.All(chunks, c => Assert.Contains(mentions, m => m.ChunkId == c.Id && m.Entity == "launch kit"));
    }

    [Fact]
    public async Task Without_configuration_the_offline_extractor_is_used()
    {
        await using var host = await StartAsync(withProvider: false);

        Assert.IsType<OfflineGraphExtractor>(host.Services.GetRequiredService<IGraphExtractor>());
        await host.SubmitAsync(Acme, Markdown("integrations.md", Integrations));
        await AssertOfflineGraphAsync(host);
    }

    [Fact]
    public async Task A_configured_llm_can_be_kept_out_of_ingestion()
    {
        Reply(OpenAiWire.Completion(LaunchKitGraph));
        await using var host = await StartAsync(withProvider: true, new Dictionary<string, string?> { ["Rose:Knowledge:GraphExtraction:UseLlm"] = "false" });

        Assert.IsType<OfflineGraphExtractor>(host.Services.GetRequiredService<IGraphExtractor>());
        await host.SubmitAsync(Acme, Markdown("integrations.md", Integrations));
        Assert.Equal(0, stub.CallsTo(ChatPath));
        await AssertOfflineGraphAsync(host);
    }

    private async Task<KnowledgeTestHost> StartAsync(bool withProvider, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Rose:Llm:Resilience:MaxRetries"] = "1",
            ["Rose:Llm:Resilience:BaseDelay"] = "00:00:00.010",
        };
        if (withProvider)
        {
            settings["Rose:Llm:Providers:main:Kind"] = "OpenAICompatible";
            settings["Rose:Llm:Providers:main:Endpoint"] = $"{stub.Url}/v1";
            settings["Rose:Llm:Providers:main:Model"] = "small-model";
            settings["Rose:Llm:Providers:main:ApiKey"] = "test-key";
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var connection = $"Data Source={Path.Combine(folder, $"rose-{Interlocked.Increment(ref databases)}.db")};Pooling=false";
        return await KnowledgeTestHost.StartAsync(StorageProvider.Sqlite, connection, settings, (services, configuration) => services.AddRoseLlm(configuration));
    }

    private void Reply(string completion) =>
        stub.Server.Given(Request.Create().WithPath(ChatPath).UsingPost()).RespondWith(Json(completion));

    private static IResponseBuilder Json(string body) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body);

    private static DocumentSubmission Markdown(string fileName, string text) => new(null, null, fileName, "text/markdown", TestDocuments.Utf8(text));

    /// <summary>The stored graph is exactly what the offline extractor finds in each chunk.</summary>
    private static async Task AssertOfflineGraphAsync(KnowledgeTestHost host)
    {
        var (chunks, mentions, relations) = await GraphAsync(host, Acme);
        var offline = new OfflineGraphExtractor();
        var expected = chunks.SelectMany(c => offline.Extract(c.Title, [], c.Text).Entities.Select(e => (c.Id, e.Key))).Order().ToList();
        Assert.Contains((chunks[0].Id, "google analytics"), expected);
        Assert.Equal(expected, mentions.Select(m => (m.ChunkId, m.Entity)).Order());
        Assert.Equal(
            chunks.Sum(c => offline.Extract(c.Title, [], c.Text).Relations.Count),
            relations.Count);
    }

    private static async Task<KnowledgeDocument> DocumentAsync(KnowledgeTestHost host, string tenantId, string id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
        return await scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>().Documents.AsNoTracking().SingleAsync(d => d.Id == LocalId(id));
    }

    private static async Task<(List<KnowledgeChunk> Chunks, List<GraphMention> Mentions, List<GraphRelation> Relations)> GraphAsync(KnowledgeTestHost host, string tenantId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
        var chunks = (await db.Chunks.AsNoTracking().ToListAsync()).OrderBy(c => c.Ordinal).ToList();
        return (chunks, await db.Mentions.AsNoTracking().ToListAsync(), await db.Relations.AsNoTracking().ToListAsync());
    }

    private static string LocalId(string compositeId) => compositeId[(compositeId.IndexOf(':', StringComparison.Ordinal) + 1)..];
}
