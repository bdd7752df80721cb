using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rose.Geo.Collection;
using Rose.Geo.Data;
using Rose.Geo.Drafting;
using Rose.Geo.Tests.Support;
using Rose.Knowledge.Data;
using Rose.Storage;
using Xunit;
using Xunit.Abstractions;

namespace Rose.Geo.Tests.Quality;

/// <summary>
/// A whole run on the demo tenant (knowledge base: the repository's docs/) with the visitor questions
/// of <see cref="DemoQuestions"/>, offline (MiniLM embeddings, the extractive composer): what reaches
/// the review queue and the published pages. Prints the run's figures.
/// </summary>
public sealed partial class DemoQualityTests(ITestOutputHelper log) : IDisposable
{
    /// <summary>A sentence is supported when this share of its words (3 letters or more) is in one cited chunk.</summary>
    private const double SupportedOverlap = 0.8;

    private readonly string dataPath = Directory.CreateTempSubdirectory("rose-geo-quality-").FullName;

    [Fact]
    public async Task Demo_run_clusters_paraphrases_drops_personal_data_and_noise_and_publishes_only_supported_sentences()
    {
        var publisher = new RecordingSitePublisher();
        await using var host = await GeoHost.StartAsync(dataPath, publisher);
        var seeds = DemoQuestions.All().ToList();
        await host.SeedAsync(seeds);

        var clock = Stopwatch.StartNew();
        var instanceId = await host.StartRunAsync();
        var run = await host.WaitForStatusAsync(instanceId, "awaiting-review", TimeSpan.FromMinutes(3));
        var drafting = clock.Elapsed;
        var pages = run.GetProperty("pages").EnumerateArray().ToList();
        var gaps = run.GetProperty("gaps").EnumerateArray().ToList();
        foreach (var page in pages)
        {
            log.WriteLine($"PAGE {page.GetProperty("question")}: {page.GetProperty("answer")}");
            log.WriteLine($"     from {string.Join(" | ", Sources(page))}");
        }

        foreach (var gap in gaps)
        {
            log.WriteLine($"GAP  {gap.GetProperty("question")} from {string.Join(" | ", Sources(gap))}");
        }

        // Paraphrases of one need land in one page, with nothing from another need.
        foreach (var need in DemoQuestions.Needs)
        {
            // The page's sources are the need's questions as collected (without their personal data).
            var expected = need.Select(q => PersonalDataScrubber.Scrub(q, [])).ToHashSet();
            var page = Assert.Single(pages, p => Sources(p).Overlaps(expected));
            Assert.Equal(expected.Order(), Sources(page).Order());
        }

        // What the docs cannot answer is a gap, one per need; never a page.
        foreach (var need in DemoQuestions.Gaps)
        {
            var expected = need.ToHashSet();
            Assert.Single(gaps, g => Sources(g).SetEquals(expected));
            Assert.DoesNotContain(pages, p => Sources(p).Overlaps(expected));
        }

        // Spam, small talk and off-topic questions reach neither.
        var everything = pages.Concat(gaps).SelectMany(Sources).ToList();
        Assert.DoesNotContain(everything, q => DemoQuestions.Noise.Any(n => n.Equals(q, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(DemoQuestions.Needs.Count, pages.Count);

        await host.ApproveAllAsync(instanceId);
        var published = await host.WaitForStatusAsync(instanceId, "published");
        var call = Assert.Single(publisher.Calls);
        Assert.Equal(DemoQuestions.Needs.Count, call.Pages.Count);

        // No personal data reaches a published page.
        // What visitors read (questions, answers, citations) — not the run's ids and timestamps, whose digits
        // can contain a phone number's fragment by chance.
        var text = string.Join("\n", call.Pages.Select(p => $"{p.Question}\n{p.Answer}\n{p.Topic}\n{string.Join("\n", p.Citations.Select(c => $"{c.Title} {c.Url} {c.Quote}"))}"))
            + string.Join("\n", published.GetProperty("pages").EnumerateArray().Select(p => $"{p.GetProperty("question").GetString()}\n{p.GetProperty("answer").GetString()}"));
        foreach (var personal in DemoQuestions.PersonalData)
        {
            Assert.DoesNotContain(personal, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.All(call.Pages, p => Assert.False(PersonalDataScrubber.ContainsContactData(p.Question + " " + p.Answer)));

        // Every sentence of a published answer is in a chunk it cites (offline overlap check against the knowledge base's own chunks).
        var chunks = await ChunksAsync(host);
        var stored = await StoredCitationsAsync(host, instanceId);
        foreach (var page in call.Pages)
        {
            var cited = stored[page.PageId].Select(id => chunks[id]).ToList();
            Assert.NotEmpty(cited);
            Assert.All(page.Citations, c => Assert.False(string.IsNullOrEmpty(c.Url)));
            Assert.Contains(page.Citations, c => c.Quote is not null);
            foreach (var sentence in AnswerSentences.Split(page.Answer).Select(s => Marker().Replace(s, string.Empty)))
            {
                var best = cited.Max(chunk => Overlap(sentence, chunk));
                Assert.True(best >= SupportedOverlap, $"'{sentence}' of '{page.Question}' is {best:P0} in its cited chunks");
            }
        }

        log.WriteLine($"GEO run figures: {run.GetProperty("questions").GetInt32()} questions kept of {seeds.Count} messages, "
                      + $"{run.GetProperty("clusters").GetInt32()} clusters, {pages.Count} pages, {gaps.Count} gaps; "
                      + $"{drafting.TotalSeconds:F1} s to the review queue, {clock.Elapsed.TotalSeconds:F1} s to published");
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

    private static async Task<Dictionary<string, string>> ChunksAsync(GeoHost host)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(GeoHost.Tenant);
        var chunks = await scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>().Chunks.AsNoTracking().ToListAsync();
        return chunks.SelectMany(c => new[] { (c.Id, c.Text), (TenantIds.Compose(GeoHost.Tenant, c.Id), c.Text) })
            .DistinctBy(c => c.Item1).ToDictionary(c => c.Item1, c => c.Item2);
    }

    private static async Task<Dictionary<string, List<string>>> StoredCitationsAsync(GeoHost host, string instanceId)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(GeoHost.Tenant);
        var drafts = await scope.ServiceProvider.GetRequiredService<GeoDbContext>().Drafts.AsNoTracking().Where(d => d.RunId == instanceId).ToListAsync();
        return drafts.ToDictionary(d => d.PageId, d => d.Citations.Select(c => c.ChunkId).ToList());
    }

    [GeneratedRegex(@"\s*\[[\d,\s]+\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}'-]*|\p{N}+")]
    private static partial Regex Word();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataPath, recursive: true);
    }
}
