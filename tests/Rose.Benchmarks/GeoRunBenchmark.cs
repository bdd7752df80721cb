extern alias standalone;

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rose.Chat;
using Rose.Chat.Data;
using Rose.Chat.Pipeline;
using Rose.Geo.Collection;
using Rose.Geo.Data;
using Rose.Geo.Drafting;
using Rose.Geo.Tests.Support;
using Rose.Knowledge.Data;
using Rose.Storage;
using Rose.Testing;
using StandaloneHost = standalone::Program;

namespace Rose.Benchmarks;

/// <summary>
/// One GEO run on the demo tenant of the standalone host (embedded runtime; knowledge base: Rose's own
/// docs/; offline MiniLM and the extractive composer) with the visitor questions the GEO tests use
/// (<see cref="DemoQuestions"/>: paraphrases, personal data, spam, needs the docs cannot answer),
/// approved whole and published with the host's own publisher (blob folder, IndexNow stub). Prints the
/// questions, clusters, pages, gaps, seconds to the review queue and to published, and paraphrase purity;
/// exits 1 when a gate fails: a need split over two pages or a page mixing needs, a gap published,
/// personal data in a published page, or a published sentence not supported by a chunk it cites.
/// Usage: dotnet run -c Release --project tests/Rose.Benchmarks -- geo
/// </summary>
internal static partial class GeoRunBenchmark
{
    private const string Tenant = "demo";

    /// <summary>A sentence is supported when this share of its words (3 letters or more) is in one cited chunk (as DemoQualityTests).</summary>
    private const double SupportedOverlap = 0.8;

    public static async Task<int> RunAsync()
    {
        var data = Directory.CreateTempSubdirectory("rose-bench-geo-").FullName;
        using var indexNow = new ExternalApiStub();
        indexNow.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/indexnow").UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(202));
        try
        {
            await using var host = new RoseAppFactory<StandaloneHost>()
                .With("Rose:DataPath", data)
                .With("Rose:Geo:IndexNow:Endpoint", indexNow.Url + "/indexnow")
                .With("Logging:LogLevel:Default", "Warning");
            using var api = host.CreateClient();
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RoseAppFactory<StandaloneHost>.DemoApiKey);
            var indexing = Stopwatch.StartNew();
            await Eventually.UntilAsync(async () => (await api.GetAsync("/health")).StatusCode == HttpStatusCode.OK, TimeSpan.FromMinutes(5), "the demo knowledge base to be indexed");
            Console.WriteLine($"demo knowledge base (docs/) indexed in {indexing.Elapsed.TotalSeconds:F1} s");

            var seeds = DemoQuestions.All().ToList();
            await SeedAsync(host.Services, seeds);

            var clock = Stopwatch.StartNew();
            using var started = await api.PostAsync("/api/v1/geo/runs", null);
            var instanceId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString()!;
            var run = await WaitForAsync(api, instanceId, "awaiting-review");
            var toReview = clock.Elapsed;
            var pages = run.GetProperty("pages").EnumerateArray().ToList();
            var gaps = run.GetProperty("gaps").EnumerateArray().ToList();
            var decisions = pages.Select(p => new { pageId = p.GetProperty("pageId").GetString(), action = "approve" }).ToList();
            using var reviewed = await api.PostAsJsonAsync($"/api/v1/geo/runs/{instanceId}/review", new { decisions });
            if (reviewed.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"The review was refused: {await reviewed.Content.ReadAsStringAsync()}");
            }

            var published = await WaitForAsync(api, instanceId, "published");
            var toPublished = clock.Elapsed;

            var failures = new List<string>();
            foreach (var page in pages)
            {
                Console.WriteLine($"page: {page.GetProperty("question").GetString()}  ← {string.Join(" | ", Sources(page))}");
            }

            foreach (var gap in gaps)
            {
                Console.WriteLine($"gap:  {gap.GetProperty("question").GetString()}  ← {string.Join(" | ", Sources(gap))}");
            }

            // Paraphrase purity: the share of each need's questions that sit on its main page, averaged over the needs.
            var purities = new List<double>();
            foreach (var need in DemoQuestions.Needs)
            {
                var expected = need.Select(q => PersonalDataScrubber.Scrub(q, [])).ToHashSet();
                var holding = pages.Where(p => Sources(p).Overlaps(expected)).ToList();
                var main = holding.Select(p => Sources(p).Count(expected.Contains)).DefaultIfEmpty(0).Max();
                purities.Add(main / (double)expected.Count);
                if (holding.Count != 1)
                {
                    failures.Add($"the need '{need[0]}' is on {holding.Count} pages");
                }
                else if (!Sources(holding[0]).SetEquals(expected))
                {
                    failures.Add($"the page of '{need[0]}' holds other questions: {string.Join(" | ", Sources(holding[0]).Except(expected))}");
                }
            }

            foreach (var gap in DemoQuestions.Gaps.SelectMany(g => g))
            {
                if (pages.Any(p => Sources(p).Contains(gap)))
                {
                    failures.Add($"the unanswerable '{gap}' reached a page");
                }
            }

            using var visitor = host.CreateClient();
            foreach (var page in published.GetProperty("pages").EnumerateArray().Where(p => p.GetProperty("state").GetString() == "published"))
            {
                var html = await visitor.GetStringAsync($"/geo/{Tenant}/{page.GetProperty("slug").GetString()}");
                var text = WebUtility.HtmlDecode(Tag().Replace(html, " "));
                foreach (var personal in DemoQuestions.PersonalData.Where(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)))
                {
                    failures.Add($"'{personal}' is on the page {page.GetProperty("slug").GetString()}");
                }

                if (PersonalDataScrubber.ContainsContactData(page.GetProperty("question").GetString() + " " + page.GetProperty("answer").GetString()))
                {
                    failures.Add($"contact data on the page {page.GetProperty("slug").GetString()}");
                }
            }

            var unsupported = await UnsupportedSentencesAsync(host.Services, instanceId, published);
            failures.AddRange(unsupported);
            var pings = indexNow.CallsTo("/indexnow");

            Console.WriteLine();
            Console.WriteLine($"{"metric",-44} {"value",10}");
            Console.WriteLine($"{"visitor messages seeded",-44} {seeds.Count,10}");
            Console.WriteLine($"{"questions kept (personal data, spam dropped)",-44} {run.GetProperty("questions").GetInt32(),10}");
            Console.WriteLine($"{"clusters",-44} {run.GetProperty("clusters").GetInt32(),10}");
            Console.WriteLine($"{"pages",-44} {pages.Count,10}");
            Console.WriteLine($"{"gaps",-44} {gaps.Count,10}");
            Console.WriteLine($"{"seconds to the review queue",-44} {toReview.TotalSeconds,10:F1}");
            Console.WriteLine($"{"seconds to published (approved at once)",-44} {toPublished.TotalSeconds,10:F1}");
            Console.WriteLine($"{"paraphrase purity (mean over needs)",-44} {purities.Average(),10:F2}");
            Console.WriteLine($"{"published sentences without support",-44} {unsupported.Count,10}");
            Console.WriteLine($"{"IndexNow POSTs",-44} {pings,10}");
            if (pings != 1)
            {
                failures.Add($"IndexNow was called {pings} times");
            }

            foreach (var failure in failures)
            {
                Console.WriteLine("GATE FAILED: " + failure);
            }

            Console.WriteLine(failures.Count == 0 ? "all gates passed" : $"{failures.Count} gate(s) failed");
            return failures.Count == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task SeedAsync(IServiceProvider services, IEnumerable<VisitorQuestionSeed> seeds)
    {
        foreach (var seed in seeds)
        {
            await using var scope = services.CreateAsyncScope();
            using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(Tenant);
            var (conversation, _) = await scope.ServiceProvider.GetRequiredService<ConversationStore>().StartAsync("http://localhost", CancellationToken.None);
            foreach (var message in seed.Messages)
            {
                await scope.ServiceProvider.GetRequiredService<ConversationRecorder>().RecordAsync(
                    Tenant, conversation.Id, message, new TurnOutcome(ChatIds.New()) { Text = "…", Model = "offline" }, 10, CancellationToken.None);
            }

            if (seed.LeadName is not null)
            {
                var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
                db.Leads.Add(new Lead { Id = ChatIds.New(), Email = "visitor@example.test", Name = seed.LeadName, ConversationId = conversation.Id, CreatedAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync();
            }
        }
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient api, string instanceId, string status)
    {
        JsonElement run = default;
        await Eventually.UntilAsync(async () =>
        {
            run = await api.GetFromJsonAsync<JsonElement>($"/api/v1/geo/runs/{instanceId}");
            var current = run.GetProperty("status").GetString();
            return current == "failed" ? throw new InvalidOperationException($"The run failed: {run.GetProperty("failure")}") : current == status;
        }, TimeSpan.FromMinutes(5), $"run {instanceId} to be {status}");
        return run;
    }

    /// <summary>Every sentence of every published answer against the chunks its draft cites (offline word overlap).</summary>
    private static async Task<List<string>> UnsupportedSentencesAsync(IServiceProvider services, string instanceId, JsonElement published)
    {
        await using var scope = services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(Tenant);
        var chunks = (await scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>().Chunks.AsNoTracking().ToListAsync())
            .SelectMany(c => new[] { (c.Id, c.Text), (TenantIds.Compose(Tenant, c.Id), c.Text) })
            .DistinctBy(c => c.Item1).ToDictionary(c => c.Item1, c => c.Item2);
        var drafts = await scope.ServiceProvider.GetRequiredService<GeoDbContext>().Drafts.AsNoTracking().Where(d => d.RunId == instanceId).ToListAsync();
        var cited = drafts.ToDictionary(d => d.PageId, d => d.Citations.Select(c => chunks.GetValueOrDefault(c.ChunkId) ?? string.Empty).ToList());
        var unsupported = new List<string>();
        foreach (var page in published.GetProperty("pages").EnumerateArray().Where(p => p.GetProperty("state").GetString() == "published"))
        {
            var sources = cited.GetValueOrDefault(page.GetProperty("pageId").GetString()!) ?? [];
            foreach (var sentence in AnswerSentences.Split(page.GetProperty("answer").GetString() ?? string.Empty).Select(s => Marker().Replace(s, string.Empty)))
            {
                var best = sources.Select(chunk => Overlap(sentence, chunk)).DefaultIfEmpty(0).Max();
                if (best < SupportedOverlap)
                {
                    unsupported.Add($"'{sentence}' of '{page.GetProperty("question").GetString()}' is {best:P0} in its cited chunks");
                }
            }
        }

        return unsupported;
    }

    private static HashSet<string> Sources(JsonElement pageOrGap) =>
        pageOrGap.GetProperty("sourceQuestions").EnumerateArray().Select(q => q.GetString()!).ToHashSet();

    private static double Overlap(string sentence, string chunk)
    {
        var words = Words(sentence);
        var inChunk = Words(chunk);
        return words.Count == 0 ? 1 : words.Count(inChunk.Contains) / (double)words.Count;
    }

    private static HashSet<string> Words(string text) =>
        Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length > 2).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\s*\[[\d,\s]+\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}'-]*|\p{N}+")]
    private static partial Regex Word();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
