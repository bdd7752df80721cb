using System.Diagnostics;
using System.Text.Json;
using Rose.Llm.Embeddings;
using Rose.Tagging.Classification;
using Rose.Tagging.Labels;
using Rose.Testing;

namespace Rose.Benchmarks;

/// <summary>
/// The offline conversation classifier on the labelled set the tagging tests use (81 conversations in
/// English, French and German): intent macro-F1 and stage accuracy (also asserted by the tests) and the
/// time to tag one conversation, which only a benchmark can judge (a loaded CI machine cannot).
/// Usage: dotnet run -c Release --project tests/Rose.Benchmarks -- tagging [labelled-conversations.json] [--rounds 5]
/// Gates: macro-F1 ≥ 0.80, p95 ≤ 50 ms per conversation; exits 1 when one fails.
/// </summary>
internal static class TaggingBenchmark
{
    private const double MacroF1Target = 0.80;
    private const double P95TargetMs = 50;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] args)
    {
        var path = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal))
            ?? RepositoryRoot.PathOf("tests", "Rose.Tagging.Tests", "Data", "labelled-conversations.json");
        var rounds = int.Parse(args.SkipWhile(a => a != "--rounds").Skip(1).FirstOrDefault() ?? "5");
        var set = JsonSerializer.Deserialize<List<LabelledSample>>(await File.ReadAllTextAsync(path), Json)!;
        using var embedder = new MiniLmTextEmbedder();
        var classifier = new OfflineConversationClassifier(embedder);
        await classifier.ClassifyAsync("bench", set[0].Transcript(), LabelSet.Default, CancellationToken.None);

        var times = new List<double>();
        var results = new List<(LabelledSample Expected, ConversationTags Actual)>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var sample in set)
            {
                var watch = Stopwatch.StartNew();
                var tags = await classifier.ClassifyAsync("bench", sample.Transcript(), LabelSet.Default, CancellationToken.None);
                times.Add(watch.Elapsed.TotalMilliseconds);
                if (round == 0)
                {
                    results.Add((sample, tags));
                }
            }
        }

        var macroF1 = LabelSet.Default.InGroup(LabelGroup.Intent).Select(l => l.Name).Average(intent =>
        {
            var truePositives = results.Count(r => r.Expected.Intent == intent && r.Actual.Intent == intent);
            var predicted = results.Count(r => r.Actual.Intent == intent);
            var actual = results.Count(r => r.Expected.Intent == intent);
            var precision = predicted == 0 ? 0 : (double)truePositives / predicted;
            var recall = actual == 0 ? 0 : (double)truePositives / actual;
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        });
        var stageAccuracy = results.Count(r => r.Expected.Stage == r.Actual.Stage) / (double)results.Count;
        times.Sort();
        var p50 = times[times.Count / 2];
        var p95 = times[(int)Math.Ceiling(0.95 * times.Count) - 1];

        Console.WriteLine($"tagging: {set.Count} labelled conversations × {rounds} rounds, offline classifier, MiniLM (load {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
        Console.WriteLine($"| metric | value | gate |");
        Console.WriteLine($"| --- | --- | --- |");
        Console.WriteLine($"| intent macro-F1 | {macroF1:F3} | ≥ {MacroF1Target:F2} |");
        Console.WriteLine($"| stage accuracy | {stageAccuracy:F2} | |");
        Console.WriteLine($"| tagging p50 | {p50:F1} ms | |");
        Console.WriteLine($"| tagging p95 | {p95:F1} ms | ≤ {P95TargetMs} ms |");
        var failed = macroF1 < MacroF1Target || p95 > P95TargetMs;
        Console.WriteLine(failed ? "GATE FAILED" : "all gates passed");
        return failed ? 1 : 0;
    }

    /// <summary>One conversation of the labelled set, as the tagging tests' data file holds it.</summary>
    private sealed record LabelledSample(string Id, string Intent, string Stage, string? Language, bool Spam, IReadOnlyList<string> Visitor)
    {
        // The same shape the tests classify: each visitor message followed by a neutral agent reply.
        public ConversationTranscript Transcript() => new([.. Visitor.SelectMany(text => new[]
        {
            new TranscriptMessage(TranscriptMessage.Visitor, text, []),
            new TranscriptMessage("assistant", "Here is what our documentation says about pricing, demos, security and integrations.", ["Pricing"]),
        })]);
    }
}
