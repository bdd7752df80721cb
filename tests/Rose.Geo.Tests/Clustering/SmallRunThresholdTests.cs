using Rose.Geo.Clustering;
using Rose.Geo.Collection;
using Rose.Geo.Tests.Support;
using Rose.Llm.Embeddings;
using Xunit;
using Xunit.Abstractions;

namespace Rose.Geo.Tests.Clustering;

/// <summary>
/// The raw-embedding threshold of a small run (fewer than <see cref="GeoOptions.MinQuestionsToCenter"/>
/// questions), measured on the test questions with the offline encoder the workflow uses (MiniLM): every
/// run of two or three of the demo needs (and the unanswerable ones) must keep each need in one cluster
/// and never put two needs in one. Prints the range of thresholds for which that holds.
/// </summary>
public sealed class SmallRunThresholdTests(ITestOutputHelper log)
{
    private static readonly IReadOnlyList<string[]> Groups = [.. DemoQuestions.Needs, .. DemoQuestions.Gaps];

    [Fact]
    public async Task Default_threshold_keeps_paraphrases_together_and_needs_apart_in_every_small_run_of_the_demo_needs()
    {
        using var embedder = new MiniLmTextEmbedder();
        // What the cluster step embeds: the questions as collected, their personal data scrubbed.
        var vectors = new List<float[]>[Groups.Count];
        for (var g = 0; g < Groups.Count; g++)
        {
            var embedded = await embedder.EmbedQueriesAsync([.. Groups[g].Select(q => PersonalDataScrubber.Scrub(q, []))], CancellationToken.None);
            vectors[g] = [.. embedded.Select(v => v.ToArray())];
        }

        var runs = SmallRuns().ToList();
        Assert.All(runs, run => Assert.True(run.Sum(g => Groups[g].Length) < new GeoOptions().MinQuestionsToCenter));
        var valid = new List<double>();
        for (var threshold = 0.30; threshold <= 0.70 + 1e-9; threshold += 0.01)
        {
            var failing = runs.FirstOrDefault(run => !Separates(run, vectors, threshold));
            if (failing is null)
            {
                valid.Add(Math.Round(threshold, 2));
            }
            else
            {
                log.WriteLine($"{threshold:F2}: fails on {string.Join(" + ", failing.Select(g => Groups[g][0]))}");
            }
        }

        log.WriteLine(valid.Count == 0 ? "no threshold separates every small run" : $"thresholds that separate all {runs.Count} small runs: {valid.Min():F2}–{valid.Max():F2}");
        var configured = new GeoOptions().ClusterDistanceThreshold;
        Assert.True(runs.All(run => Separates(run, vectors, configured)), $"The default threshold {configured} splits or merges needs; valid: {string.Join(", ", valid)}");
    }

    /// <summary>Every pair and every triple of the groups: runs of 6 to 16 questions.</summary>
    private static IEnumerable<int[]> SmallRuns()
    {
        for (var a = 0; a < Groups.Count; a++)
        {
            for (var b = a + 1; b < Groups.Count; b++)
            {
                yield return [a, b];
                for (var c = b + 1; c < Groups.Count; c++)
                {
                    if (Groups[a].Length + Groups[b].Length + Groups[c].Length < 20)
                    {
                        yield return [a, b, c];
                    }
                }
            }
        }
    }

    /// <summary>True when the run's clusters are exactly its groups.</summary>
    private static bool Separates(int[] run, List<float[]>[] vectors, double threshold)
    {
        var points = run.SelectMany(g => vectors[g].Select(v => (Group: g, Vector: v))).ToList();
        var clusters = AgglomerativeClustering.Cluster([.. points.Select(p => p.Vector)], threshold);
        return clusters.Count == run.Length && clusters.All(c => c.Select(i => points[i].Group).Distinct().Count() == 1);
    }
}
