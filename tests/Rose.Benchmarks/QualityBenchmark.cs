using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rose.Knowledge.Ingestion;
using Rose.Knowledge.Retrieval;
using Rose.Llm.Embeddings;
using Rose.Storage;

namespace Rose.Benchmarks;

/// <summary>
/// Retrieval quality per stage and per offline embedder on a labelled question set: the corpus is
/// ingested through the real loading path (DocumentIntake → DocumentLoadingWorkflow → SQLite), the
/// tenant's snapshot is loaded as search loads it, and each stage ranks every question: BM25 alone,
/// dense alone, the fusion before and as fitted (cross-validated over the questions), the
/// retriever as configured (fusion + MMR + document crowding), with the graph and without MMR.
/// Exits 1 when, for the default embedder, the configured retriever does not beat both of its parts
/// on MRR@3 and nDCG@10.
/// </summary>
internal static class QualityBenchmark
{
    private const string Tenant = "quality";
    private const int Take = 10;

    public static async Task<int> RunAsync(QualitySettings settings)
    {
        var questions = Question.ReadAll(settings.Questions);
        var files = CorpusFiles.List(settings.Corpus);
        Console.WriteLine($"corpus: {files.Count} documents in {settings.Corpus}; {questions.Count} questions; vectors cached in {settings.CacheFolder}");
        var rows = new List<(string Stage, OfflineEmbedder Embedder, RankingScores Scores)>();
        var notes = new List<string>();
        var failures = new List<string>();
        foreach (var kind in settings.Embedders)
        {
            using var embedder = new CachingEmbedder(OfflineEmbedders.Create(kind), settings.CacheFolder);
            var data = Directory.CreateTempSubdirectory("rose-quality-").FullName;
            try
            {
                var stages = await MeasureAsync(settings, kind, embedder, data, questions, files, notes);
                rows.AddRange(stages.Select(s => (s.Stage, kind, s.Scores)));
                if (kind == OfflineEmbedders.Default)
                {
                    failures.AddRange(Gates(kind, stages));
                }
            }
            finally
            {
                Directory.Delete(data, recursive: true);
            }
        }

        Console.WriteLine();
        var width = rows.Max(r => r.Stage.Length);
        Console.WriteLine($"| {"stage".PadRight(width)} | embedder | R@1   | R@3   | R@5   | MRR@3 | MRR@10 | nDCG@10 |");
        Console.WriteLine($"|{new string('-', width + 2)}|----------|-------|-------|-------|-------|--------|---------|");
        foreach (var (stage, kind, s) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {stage.PadRight(width)} | {kind,-8} | {s.Recall1:0.000} | {s.Recall3:0.000} | {s.Recall5:0.000} | {s.Mrr3:0.000} | {s.Mrr10:0.000}  | {s.Ndcg10:0.000}   |"));
        }

        Console.WriteLine();
        notes.ForEach(Console.WriteLine);
        foreach (var failure in failures)
        {
            Console.Error.WriteLine("GATE FAILED: " + failure);
        }

        return failures.Count == 0 ? 0 : 1;
    }

    private const string Bm25Stage = "BM25 alone";
    private const string DenseStage = "dense alone";
    private const string ConfiguredStage = "retriever as configured (fusion + MMR + ≤ 2 per document), as labelled";
    private const string ConfiguredFusionStage = "fusion as configured";
    private const string LabelledView = "as labelled";
    private const double LabelledTolerance = 0.03;
    private const string HiddenView = "headings hidden";

    private static async Task<List<(string Stage, RankingScores Scores)>> MeasureAsync(
        QualitySettings settings, OfflineEmbedder kind, CachingEmbedder embedder, string data, List<Question> questions, List<string> files, List<string> notes)
    {
        using var host = await BenchmarkKnowledgeHost.StartAsync(data, embedder);
        var services = host.Services;
        var clock = Stopwatch.StartNew();
        var documentOfFile = await IngestAsync(services, settings.Corpus, files);
        var ingestSeconds = clock.Elapsed.TotalSeconds;
        var misses = embedder.Misses;
        embedder.Save();
        var cache = services.GetRequiredService<KnowledgeIndexCache>();
        var index = await cache.GetAsync(Tenant, CancellationToken.None);
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"{kind}: {index.Count} chunks from {documentOfFile.Count} documents, ingested in {ingestSeconds:0.0} s ({misses} chunks encoded, the rest from the vector cache)"));
        notes.Add(await ThroughputAsync(kind, index));

        // Questions with the same text are one question to a retriever, which cannot tell which of
        // their documents was meant ("What's next?" closes 19 pages): each distinct text counts
        // once, and any of its labelled sections is a right answer. Folds then never hold the same
        // text on both sides.
        var labelled = questions;
        questions = [.. labelled.GroupBy(q => q.Text.Trim(), StringComparer.OrdinalIgnoreCase).Select(g => g.First())];
        var relevant = questions.Select(q => labelled.Where(l => string.Equals(l.Text.Trim(), q.Text.Trim(), StringComparison.OrdinalIgnoreCase))
            .SelectMany(l => Relevant(index, l, documentOfFile)).ToHashSet()).ToArray();
        notes.Add($"{kind}: {labelled.Count} labelled questions, {questions.Count} distinct texts (the unit of every figure)");
        var vectors = await embedder.EmbedQueriesAsync([.. questions.Select(q => q.Text)], CancellationToken.None);
        embedder.Save();
        var options = services.GetRequiredService<IOptions<RetrievalOptions>>().Value;
        var n = options.CandidatesPerRetriever;
        var steered = questions.Select(q => QuerySteering.NamesExactTerms(q.Text)).ToArray();
        notes.Add($"{kind}: {steered.Count(s => s)} of {questions.Count} questions name exact terms (query steering applies)");

        RankingScores Score(Func<int, IReadOnlyList<int>> rank) =>
            RankingScores.Mean([.. Enumerable.Range(0, questions.Count).Select(i => RankingScores.Of(rank(i), relevant[i]))]);

        // The sample questions are the documentation's own headings, which BM25's heading fields
        // match word for word. Visitors do not ask in headings: the second view hides every
        // heading from both retrievers (BM25 on the chunk's text only, vectors of the text without
        // its heading path), so each must find the answer in what the section says.
        var hidden = await TextOnlyVectorsAsync(embedder, index);
        embedder.Save();
        var views = new (string Name, ScoredOrdinal[][] Dense, ScoredOrdinal[][] Keywords)[]
        {
            (LabelledView, [.. vectors.Select(v => index.Vectors.Search(v, n))], [.. questions.Select(q => index.Keywords.Search(q.Text, n, options.KeywordBoosts))]),
            (HiddenView, [.. vectors.Select(v => hidden.Search(v, n))], [.. questions.Select(q => index.Keywords.Search(q.Text, n, new KeywordBoosts(1f, 0f, 0f, 0f)))]),
        };
        var before = new FusionCandidate(FusionMethod.Rrf, 0.5, 1.0, 60, 1.0);
        var configured = new FusionCandidate(options.Fusion, options.VectorWeight, options.KeywordWeight, options.RrfK, options.ExactTermKeywordBoost, options.FusionDecisiveness);
        var stages = new List<(string Stage, RankingScores Scores)>();
        foreach (var (view, dense, keywords) in views)
        {
            stages.Add(($"{Bm25Stage}, {view}", Score(i => [.. keywords[i].Take(Take).Select(h => h.Ordinal)])));
            stages.Add(($"{DenseStage}, {view}", Score(i => [.. dense[i].Take(Take).Select(h => h.Ordinal)])));
            stages.Add(($"fusion before ({before}), {view}", Score(i => before.Fuse(dense[i], keywords[i], steered[i], Take))));
            stages.Add(($"{ConfiguredFusionStage} ({configured}), {view}", Score(i => configured.Fuse(dense[i], keywords[i], steered[i], Take))));
        }

        // Every grid setting scored on every question of both views once; folds then only pick
        // (on the mean objective of the two views) and average.
        var grid = FusionCandidate.Grid().ToArray();
        var perQuestion = views.Select(v => grid.Select(c => Enumerable.Range(0, questions.Count)
            .Select(i => RankingScores.Of(c.Fuse(v.Dense[i], v.Keywords[i], steered[i], Take), relevant[i])).ToArray()).ToArray()).ToArray();
        foreach (var (label, allowed) in new (string, Func<FusionCandidate, bool>)[]
        {
            ("RRF", c => c.Method == FusionMethod.Rrf && c.ExactTermKeywordBoost == 1.0),
            ("normalised", c => c.Method == FusionMethod.Normalized && c.ExactTermKeywordBoost == 1.0 && c.Decisiveness == 0),
            ("normalised, decisiveness", c => c.Method == FusionMethod.Normalized && c.ExactTermKeywordBoost == 1.0),
            ("any, with query steering", _ => true),
        })
        {
            var choices = Enumerable.Range(0, grid.Length).Where(c => allowed(grid[c])).ToArray();
            var (heldOut, picked) = CrossValidate(perQuestion, choices, questions.Count, settings.Folds);
            for (var v = 0; v < views.Length; v++)
            {
                stages.Add(($"fusion fitted ({label}), {settings.Folds}-fold held-out, {views[v].Name}", heldOut[v]));
            }

            var best = Best(perQuestion, choices, Enumerable.Range(0, questions.Count).ToArray());
            notes.Add($"{kind}: fitted on all questions ({label}): {grid[best]}; per fold: {string.Join(" | ", picked.Select(p => grid[p].ToString()))}");
        }

        var boostGrid = (from heading in new[] { 0f, 0.5f, 1f, 2f } from section in new[] { 0f, 1f, 2f, 4f } from phrase in new[] { 0f, 1f, 2f, 4f } select new KeywordBoosts(1f, heading, section, phrase)).ToArray();
        var boostScores = new[] { boostGrid.Select(b => Enumerable.Range(0, questions.Count).Select(i => RankingScores.Of([.. index.Keywords.Search(questions[i].Text, Take, b).Select(h => h.Ordinal)], relevant[i])).ToArray()).ToArray() };
        var (boostHeldOut, boostPicked) = CrossValidate(boostScores, [.. Enumerable.Range(0, boostGrid.Length)], questions.Count, settings.Folds);
        stages.Add(($"BM25 field boosts fitted, {settings.Folds}-fold held-out, {LabelledView}", boostHeldOut[0]));
        notes.Add($"{kind}: BM25 field boosts fitted on all questions: {boostGrid[Best(boostScores, [.. Enumerable.Range(0, boostGrid.Length)], [.. Enumerable.Range(0, questions.Count)])]}; per fold: {string.Join(" | ", boostPicked.Select(p => boostGrid[p].ToString()))}");

        async Task<RankingScores> RetrieverAsync(RetrievalOptions variant)
        {
            var retriever = new HybridRetriever(cache, embedder, new MmrReranker(Options.Create(variant)), Options.Create(variant));
            var ranked = new List<int>[questions.Count];
            for (var i = 0; i < questions.Count; i++)
            {
                var passages = await retriever.RetrieveAsync(index, questions[i].Text, vectors[i], Take, CancellationToken.None);
                ranked[i] = [.. passages.Select(p => index.TryGetOrdinal(p.ChunkId, out var ordinal) ? ordinal : -1)];
            }

            return Score(i => ranked[i]);
        }

        stages.Add((ConfiguredStage, await RetrieverAsync(options)));
        stages.Add(("retriever as configured, without MMR", await RetrieverAsync(Variant(options, o => o.MmrLambda = 1.0))));
        stages.Add(("retriever as configured + graph (weight 0.3)", await RetrieverAsync(Variant(options, o => o.GraphWeight = 0.3))));
        stages.Add(("retriever before (RRF k 60, vector 0.5 : BM25 1, MMR)", await RetrieverAsync(Variant(options, o =>
        {
            o.Fusion = FusionMethod.Rrf;
            o.VectorWeight = 0.5;
            o.KeywordWeight = 1.0;
            o.RrfK = 60;
            o.ExactTermKeywordBoost = 1.0;
        }))));
        if (settings.ShowMisses)
        {
            foreach (var (view, dense, keywords) in views)
            {
                PrintMisses($"{kind}, {view}", index, questions, relevant, dense, keywords, configured, steered);
            }
        }

        return stages;
    }

    /// <summary>
    /// With the headings hidden the fusion must beat each of its parts on MRR@3 and nDCG@10. As
    /// labelled, the questions are the answers' own headings and BM25 ranks nearly every answer
    /// first (MRR@3 1.000, nDCG@10 0.99): nothing can beat that, so there the fusion must stay
    /// within <see cref="LabelledTolerance"/> of the better part on MRR@3 and recall@3 and beat the
    /// other part on MRR@3 and nDCG@10.
    /// </summary>
    private static IEnumerable<string> Gates(OfflineEmbedder kind, List<(string Stage, RankingScores Scores)> stages)
    {
        RankingScores Of(string stage, string view) =>
            stages.Single(s => s.Stage.StartsWith(stage, StringComparison.Ordinal) && s.Stage.EndsWith(view, StringComparison.Ordinal)).Scores;
        var hidden = Of(ConfiguredFusionStage, HiddenView);
        foreach (var part in new[] { Bm25Stage, DenseStage })
        {
            var scores = Of(part, HiddenView);
            if (hidden.Mrr3 <= scores.Mrr3 || hidden.Ndcg10 <= scores.Ndcg10)
            {
                yield return $"{kind}, {HiddenView}: the fusion (MRR@3 {hidden.Mrr3:0.000}, nDCG@10 {hidden.Ndcg10:0.000}) does not beat {part} (MRR@3 {scores.Mrr3:0.000}, nDCG@10 {scores.Ndcg10:0.000})";
            }
        }

        var labelled = Of(ConfiguredFusionStage, LabelledView);
        var bm25 = Of(Bm25Stage, LabelledView);
        var dense = Of(DenseStage, LabelledView);
        var (better, worse) = bm25.Objective >= dense.Objective ? (bm25, dense) : (dense, bm25);
        if (labelled.Mrr3 < better.Mrr3 - LabelledTolerance || labelled.Recall3 < better.Recall3 - LabelledTolerance
            || labelled.Mrr3 <= worse.Mrr3 || labelled.Ndcg10 <= worse.Ndcg10)
        {
            yield return $"{kind}, {LabelledView}: the fusion (MRR@3 {labelled.Mrr3:0.000}, R@3 {labelled.Recall3:0.000}, nDCG@10 {labelled.Ndcg10:0.000}) is not within {LabelledTolerance} of its better part (MRR@3 {better.Mrr3:0.000}, R@3 {better.Recall3:0.000}) or not above the other";
        }
    }

    private static async Task<Dictionary<string, string>> IngestAsync(IServiceProvider services, string corpus, List<string> files)
    {
        var documentOfFile = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var scope = services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(Tenant);
        var intake = scope.ServiceProvider.GetRequiredService<DocumentIntake>();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(corpus, file).Replace('\\', '/');
            var view = await intake.SubmitAsync(new DocumentSubmission(null, null, relative, null, File.ReadAllBytes(file)), CancellationToken.None);
            documentOfFile[view.Id] = relative;
        }

        return documentOfFile;
    }

    /// <summary>Raw encoding throughput of the model on the corpus's first 64 chunks (nothing cached).</summary>
    private static async Task<string> ThroughputAsync(OfflineEmbedder kind, TenantKnowledgeIndex index)
    {
        using var raw = OfflineEmbedders.Create(kind);
        await raw.EmbedAsync(["warm up"], CancellationToken.None);
        var texts = index.Chunks.Take(64).Select(c => c.Text).ToList();
        var clock = Stopwatch.StartNew();
        await raw.EmbedAsync(texts, CancellationToken.None);
        var chunksPerSecond = texts.Count / clock.Elapsed.TotalSeconds;
        var (p50, p99) = Latency.Measure(50, i => raw.EmbedQueriesAsync([$"How do I set up goal {i}?"], CancellationToken.None).GetAwaiter().GetResult());
        return string.Create(CultureInfo.InvariantCulture, $"{kind}: encodes {chunksPerSecond:0.0} chunks/s ({texts.Count} chunks, batches of 8); one query p50 {p50:0.0} ms, p99 {p99:0.0} ms");
    }

    /// <summary>The chunks of the question's document under its section heading.</summary>
    private static HashSet<int> Relevant(TenantKnowledgeIndex index, Question question, Dictionary<string, string> documentOfFile) =>
        [.. Enumerable.Range(0, index.Count).Where(o =>
            documentOfFile.GetValueOrDefault(index.Chunks[o].DocumentId) == question.Document
            && index.Chunks[o].HeadingPath.Any(h => string.Equals(h.Trim(), question.Section.Trim(), StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Held-out scores (per view) of fitting on the other folds, and the setting each fold picked.</summary>
    private static (RankingScores[] HeldOut, int[] Picked) CrossValidate(RankingScores[][][] perQuestion, int[] choices, int questions, int folds)
    {
        var order = Enumerable.Range(0, questions).ToArray();
        new Random(17).Shuffle(order);
        var heldOut = perQuestion.Select(_ => new List<RankingScores>(questions)).ToArray();
        var picked = new int[folds];
        for (var fold = 0; fold < folds; fold++)
        {
            var test = order.Where((_, position) => position % folds == fold).ToArray();
            var train = order.Where((_, position) => position % folds != fold).ToArray();
            picked[fold] = Best(perQuestion, choices, train);
            for (var view = 0; view < perQuestion.Length; view++)
            {
                heldOut[view].AddRange(test.Select(q => perQuestion[view][picked[fold]][q]));
            }
        }

        return ([.. heldOut.Select(RankingScores.Mean)], picked);
    }

    /// <summary>The setting with the best mean objective over the views on these questions; the first in grid order on a tie.</summary>
    private static int Best(RankingScores[][][] perQuestion, int[] choices, int[] questions)
    {
        var best = choices[0];
        var bestScore = double.NegativeInfinity;
        foreach (var choice in choices)
        {
            var score = perQuestion.Average(view => questions.Average(q => view[choice][q].Objective));
            if (score > bestScore + 1e-12)
            {
                (best, bestScore) = (choice, score);
            }
        }

        return best;
    }

    /// <summary>Vectors of each chunk's text without its title and heading path (the headings-hidden view).</summary>
    private static async Task<VectorIndex> TextOnlyVectorsAsync(CachingEmbedder embedder, TenantKnowledgeIndex index)
    {
        var embedded = await embedder.EmbedAsync([.. index.Chunks.Select(c => c.Text)], CancellationToken.None);
        var rows = new float[index.Count * embedder.Dimensions];
        for (var i = 0; i < embedded.Length; i++)
        {
            embedded[i].CopyTo(rows, i * embedder.Dimensions);
        }

        return new VectorIndex(rows, embedder.Dimensions);
    }

    private static RetrievalOptions Variant(RetrievalOptions options, Action<RetrievalOptions> change)
    {
        var copy = new RetrievalOptions();
        foreach (var property in typeof(RetrievalOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            property.SetValue(copy, property.GetValue(options));
        }

        change(copy);
        return copy;
    }

    private static void PrintMisses(
        string kind, TenantKnowledgeIndex index, List<Question> questions, HashSet<int>[] relevant,
        ScoredOrdinal[][] dense, ScoredOrdinal[][] keywords, FusionCandidate fusion, bool[] steered)
    {
        for (var i = 0; i < questions.Count; i++)
        {
            var ranked = fusion.Fuse(dense[i], keywords[i], steered[i], Take);
            var rank = Array.FindIndex(ranked, relevant[i].Contains);
            if (rank is >= 0 and < 3)
            {
                continue;
            }

            Console.WriteLine($"miss [{kind}] \"{questions[i].Text}\" -> {questions[i].Document} # {questions[i].Section} (fused rank {(rank < 0 ? "-" : (rank + 1).ToString(CultureInfo.InvariantCulture))}, BM25 {Rank(keywords[i], relevant[i])}, dense {Rank(dense[i], relevant[i])})");
            foreach (var ordinal in ranked.Take(3))
            {
                Console.WriteLine($"    {index.Chunks[ordinal].Title} # {string.Join(" > ", index.Chunks[ordinal].HeadingPath)}");
            }
        }
    }

    private static string Rank(ScoredOrdinal[] ranking, HashSet<int> relevant)
    {
        var rank = Array.FindIndex(ranking, h => relevant.Contains(h.Ordinal));
        return rank < 0 ? "-" : (rank + 1).ToString(CultureInfo.InvariantCulture);
    }
}
