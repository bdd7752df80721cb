using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rose.Benchmarks;
using Rose.Knowledge;
using Rose.Knowledge.Chunking;
using Rose.Knowledge.Ingestion;
using Rose.Knowledge.Parsing;
using Rose.Knowledge.Retrieval;
using Rose.Llm.Embeddings;
using Rose.Platform;
using Rose.Workflows;
using Rose.Storage;

// Rose knowledge benchmark: ingestion throughput vs the raw encoder, retrieval latency at scale,
// and retrieval quality on a labelled question set.
// Usage: dotnet run -c Release --project tests/Rose.Benchmarks -- <corpus folder> <questions.jsonl>
// Quality mode: dotnet run -c Release --project tests/Rose.Benchmarks -- quality <corpus folder> <questions.jsonl> [--embedders MiniLm,ArcticXs] [--cache folder] [--folds 5]
// Search mode: dotnet run -c Release --project tests/Rose.Benchmarks -- search <corpus folder> <questions.jsonl> [--changes 10] [--chunks 0] [--data folder]
// Chat mode: dotnet run -c Release --project tests/Rose.Benchmarks -- chat <corpus folder> <questions.jsonl> [--chunks 10000] [--conversations 20] [--turns 10] [--think 1000-3000] [--data folder]
// Tagging mode: dotnet run -c Release --project tests/Rose.Benchmarks -- tagging [labelled-conversations.json] [--rounds 5]
// ASN mode: dotnet run -c Release --project tests/Rose.Benchmarks -- asn [--lookups 1000000]
// GEO mode: dotnet run -c Release --project tests/Rose.Benchmarks -- geo
// Load / soak / faults modes (standalone host on PostgreSQL and Redis): dotnet run -c Release --project tests/Rose.Benchmarks -- load|soak|faults [--visitors 200] [--seconds 90] [--minutes 10] [--think 4000-12000] [--out folder] [--llm] [--only redis,postgres,llm-slow,llm-failing,llm-hanging,host-killed]
// Backoffice mode: dotnet run -c Release --project tests/Rose.Benchmarks -- backoffice [--conversations 10000] [--requests 200]
if (args.Length >= 1 && args[0] == "asn")
{
    return AsnBenchmark.Run(args);
}

if (args.Length >= 1 && args[0] == "tagging")
{
    return await TaggingBenchmark.RunAsync(args);
}

if (args.Length >= 1 && args[0] == "geo")
{
    return await GeoRunBenchmark.RunAsync();
}

if (args.Length >= 1 && args[0] == "load")
{
    return await LoadBenchmark.RunAsync(args);
}

if (args.Length >= 1 && args[0] == "soak")
{
    return await SoakBenchmark.RunAsync(args);
}

if (args.Length >= 1 && args[0] == "faults")
{
    return await FaultsBenchmark.RunAsync(args);
}

if (args.Length >= 1 && args[0] == "backoffice")
{
    return await BackofficePagesBenchmark.RunAsync(args);
}

if (args.Length >= 3 && args[0] == "quality")
{
    return await QualityBenchmark.RunAsync(QualitySettings.Parse(args));
}

if (args.Length >= 3 && args[0] == "search")
{
    return await SearchLatencyBenchmark.RunAsync(Path.GetFullPath(args[1]), Question.ReadAll(args[2]), args);
}

if (args.Length >= 3 && args[0] == "chat")
{
    var chatQuestions = Question.ReadAll(args[2]);
    return await ChatLoadBenchmark.RunAsync(ChatLoadSettings.Parse(args), chatQuestions);
}

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Rose.Benchmarks <corpus folder> <questions.jsonl> [--scales 1000,10000,100000] [--misses]");
    return 2;
}

var corpus = Path.GetFullPath(args[0]);
var questions = Question.ReadAll(args[1]);
var keptData = args.SkipWhile(a => a != "--data").Skip(1).FirstOrDefault();
var showMisses = args.Contains("--misses");
var withScale = !args.Contains("--no-scale");
var scales = args.SkipWhile(a => a != "--scales").Skip(1).FirstOrDefault()?.Split(',').Select(int.Parse).ToArray() ?? [1_000, 10_000, 100_000];
const string Tenant = "bench";
var rows = new List<(string Metric, string Value, string Target)>();
var files = CorpusFiles.List(corpus);
Console.WriteLine($"corpus: {files.Count} documents in {corpus}; {questions.Count} questions");

// --data keeps the database: a second run then finds every document unchanged and only measures retrieval.
var dataFolder = keptData is null ? Directory.CreateTempSubdirectory("rose-bench-").FullName : Directory.CreateDirectory(keptData).FullName;
using var embedder = new MiniLmTextEmbedder();
using var benchHost = await BenchmarkKnowledgeHost.StartAsync(dataFolder, embedder);
var services = benchHost.Services;
await embedder.EmbedAsync(["warm up the encoder"], CancellationToken.None);

// 1 + 2. Ingestion end to end vs the raw encoder on exactly the texts ingestion embeds. Measured
// document by document, alternately, so that both see the same machine load; parse and chunk for
// the raw side are not timed.
var parser = services.GetRequiredService<DocumentParser>();
var chunker = services.GetRequiredService<StructureAwareChunker>();
var tokens = WordPieceTokenCounter.MiniLm;
var documentOfFile = new Dictionary<string, string>(StringComparer.Ordinal);
var inputs = new List<string>();
var rawSeconds = 0.0;
var ingestSeconds = 0.0;
await using (var scope = services.CreateAsyncScope())
{
    using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(Tenant);
    var intake = scope.ServiceProvider.GetRequiredService<DocumentIntake>();
    foreach (var file in files)
    {
        var bytes = File.ReadAllBytes(file);
        var relative = Path.GetRelativePath(corpus, file).Replace('\\', '/');
        List<string> documentInputs;
        try
        {
            var parsed = parser.Parse(bytes, null, relative, Path.GetFileNameWithoutExtension(file));
            documentInputs = chunker.Chunk(parsed).Select(c => c.EmbeddingInput(parsed.Title)).ToList();
        }
        catch (DocumentRejectedException e)
        {
            Console.WriteLine($"  skipped {relative}: {e.Message}");
            continue;
        }

        inputs.AddRange(documentInputs);
        var clock = Stopwatch.StartNew();
        await embedder.EmbedAsync(documentInputs, CancellationToken.None);
        rawSeconds += clock.Elapsed.TotalSeconds;
        clock.Restart();
        var view = await intake.SubmitAsync(new DocumentSubmission(null, null, relative, null, bytes), CancellationToken.None);
        ingestSeconds += clock.Elapsed.TotalSeconds;
        documentOfFile[view.Id] = relative;
    }
}

Console.WriteLine($"chunks: {inputs.Count}, mean {inputs.Average(tokens.Count):0} word pieces");
var rawRate = inputs.Count / rawSeconds;
var e2eRate = inputs.Count / ingestSeconds;
var cached = keptData is not null && ingestSeconds < rawSeconds / 4 ? " (database reused: loads were no-ops)" : string.Empty;
rows.Add(("raw encoder throughput (same texts)", $"{rawRate:0.0} chunks/s", ""));
rows.Add(("ingestion end to end" + cached, $"{e2eRate:0.0} chunks/s ({files.Count} docs in {ingestSeconds:0.0} s)", ""));
rows.Add(("ingestion / raw encoder", $"{e2eRate / rawRate:P0}", ">= 85 %"));

// 3. Quality on the labelled questions, and latency on the real corpus.
var retriever = services.GetRequiredService<HybridRetriever>();
var cache = services.GetRequiredService<KnowledgeIndexCache>();
var index = await cache.GetAsync(Tenant, CancellationToken.None);
var questionVectors = new float[questions.Count][];
var (embedP50, embedP99) = Latency.Measure(questions.Count, i => questionVectors[i] = embedder.EmbedQueriesAsync([questions[i].Text], CancellationToken.None).Result[0]);
rows.Add(("query embedding (MiniLM, one question)", $"p50 {embedP50:0.00} ms, p99 {embedP99:0.00} ms", "reported apart"));

// Several questions have the same text but different answers (e.g. "What's next?" closes 19
// documents): one ranking cannot put more than 5 of them in its top 5, which caps recall@5.
var ceiling = questions.GroupBy(q => q.Text.Trim(), StringComparer.OrdinalIgnoreCase)
    .Sum(g => g.GroupBy(q => (q.Document, q.Section.Trim().ToLowerInvariant())).Select(t => t.Count()).OrderDescending().Take(5).Sum());
rows.Add(("recall@5 ceiling (questions sharing one text)", $"{ceiling / (double)questions.Count:0.000}", ""));

var retrievalOptions = services.GetRequiredService<IOptions<RetrievalOptions>>().Value;
foreach (var (name, vector, keyword, graph, lambda) in new[]
{
    ("hybrid (vector + BM25 + graph, fused, MMR)", retrievalOptions.VectorWeight, retrievalOptions.KeywordWeight, retrievalOptions.GraphWeight, retrievalOptions.MmrLambda),
    ("hybrid without MMR", retrievalOptions.VectorWeight, retrievalOptions.KeywordWeight, retrievalOptions.GraphWeight, 1.0),
    ("vector + BM25 (no graph), no MMR", retrievalOptions.VectorWeight, retrievalOptions.KeywordWeight, 0.0, 1.0),
    ("dense only", 1.0, 0.0, 0.0, 1.0),
    ("BM25 only", 0.0, 1.0, 0.0, 1.0),
})
{
    var variant = new RetrievalOptions
    {
        VectorWeight = vector, KeywordWeight = keyword, GraphWeight = graph,
        CandidatesPerRetriever = retrievalOptions.CandidatesPerRetriever, RerankCandidates = retrievalOptions.RerankCandidates,
        MmrLambda = lambda, RrfK = retrievalOptions.RrfK, MaxPassagesPerDocument = retrievalOptions.MaxPassagesPerDocument,
    };
    var variantRetriever = new HybridRetriever(cache, embedder, new MmrReranker(Options.Create(variant)), Options.Create(variant));
    var (recall, mrr) = await QualityAsync(variantRetriever, index, questions, questionVectors, documentOfFile, showMisses ? name : null);
    rows.Add(($"recall@5 / MRR@10, {name}", $"{recall:0.000} / {mrr:0.000}", name.StartsWith("hybrid", StringComparison.Ordinal) ? "recall@5 >= 0.9" : ""));
}

var (realP50, realP99) = Latency.Measure(Math.Max(200, questions.Count), i =>
    retriever.RetrieveAsync(index, questions[i % questions.Count].Text, questionVectors[i % questions.Count], 5, CancellationToken.None).GetAwaiter().GetResult());
rows.Add(($"retrieval latency, corpus ({index.Count} chunks)", $"p50 {realP50:0.00} ms, p99 {realP99:0.00} ms", "excl. query embedding"));

// 4. Latency at scale: synthetic chunks (random unit vectors, text drawn from the corpus vocabulary).
var vocabulary = inputs.SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => w.All(char.IsLetter)).Distinct().ToArray();
foreach (var size in withScale ? scales : [])
{
    // Float and int8 from 10k chunks; the target applies to what the default options do at 10k.
    foreach (var quantize in size >= 10_000 ? new[] { false, true } : [retrievalOptions.QuantizesAt(size)])
    {
        var synthetic = Synthetic(size, embedder.Dimensions, vocabulary, quantize);
        var runs = 300;
        Latency.Measure(20, i => retriever.RetrieveAsync(synthetic, questions[i % questions.Count].Text, questionVectors[i % questions.Count], 5, CancellationToken.None).GetAwaiter().GetResult());
        var (p50, p99) = Latency.Measure(runs, i =>
            retriever.RetrieveAsync(synthetic, questions[i % questions.Count].Text, questionVectors[i % questions.Count], 5, CancellationToken.None).GetAwaiter().GetResult());
        var (v50, v99) = Latency.Measure(runs, i => synthetic.Vectors.Search(questionVectors[i % questions.Count], 40));
        var (k50, k99) = Latency.Measure(runs, i => synthetic.Keywords.Search(questions[i % questions.Count].Text, 40));
        var label = $"retrieval latency, {size:N0} chunks{(quantize ? " (int8 + exact re-score)" : string.Empty)}";
        rows.Add((label, $"p50 {p50:0.00} ms, p99 {p99:0.00} ms (vector p50/p99 {v50:0.00}/{v99:0.00}, BM25 {k50:0.00}/{k99:0.00})", size == 10_000 && quantize == retrievalOptions.QuantizesAt(size) ? "p99 <= 5 ms" : ""));
        synthetic.Dispose();
    }
}

Console.WriteLine();
var width = rows.Max(r => r.Metric.Length);
var valueWidth = rows.Max(r => r.Value.Length);
Console.WriteLine($"| {"metric".PadRight(width)} | {"measured".PadRight(valueWidth)} | target |");
Console.WriteLine($"|{new string('-', width + 2)}|{new string('-', valueWidth + 2)}|--------|");
foreach (var (metric, value, target) in rows)
{
    Console.WriteLine($"| {metric.PadRight(width)} | {value.PadRight(valueWidth)} | {target} |");
}

if (keptData is null)
{
    Directory.Delete(dataFolder, recursive: true);
}

return 0;

static async Task<(double Recall, double Mrr)> QualityAsync(
    HybridRetriever retriever, TenantKnowledgeIndex index, List<Question> questions, float[][] vectors, Dictionary<string, string> documentOfFile, string? missesOf)
{
    var hits = 0;
    var reciprocal = 0.0;
    for (var i = 0; i < questions.Count; i++)
    {
        var question = questions[i];
        var results = await retriever.RetrieveAsync(index, question.Text, vectors[i], 10, CancellationToken.None);
        var rank = results.Select((r, position) => (r, position))
            .FirstOrDefault(x => documentOfFile.GetValueOrDefault(x.r.DocumentId) == question.Document
                && x.r.HeadingPath.Any(h => string.Equals(h.Trim(), question.Section.Trim(), StringComparison.OrdinalIgnoreCase)));
        if (missesOf is not null && (rank.r is null || rank.position >= 5))
        {
            Console.WriteLine($"miss [{missesOf}] \"{question.Text}\" -> {question.Document} # {question.Section} (rank {(rank.r is null ? "-" : (rank.position + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))})");
            foreach (var r in results.Take(5))
            {
                Console.WriteLine($"    {documentOfFile.GetValueOrDefault(r.DocumentId)} # {string.Join(" > ", r.HeadingPath)} ({r.Score:0.0000})");
            }
        }

        if (rank.r is null)
        {
            continue;
        }

        reciprocal += 1.0 / (rank.position + 1);
        if (rank.position < 5)
        {
            hits++;
        }
    }

    return (hits / (double)questions.Count, reciprocal / questions.Count);
}

static TenantKnowledgeIndex Synthetic(int size, int dimensions, string[] vocabulary, bool quantize)
{
    var random = new Random(size);
    var vectors = new float[size * dimensions];
    var chunks = new IndexedChunk[size];
    for (var row = 0; row < size; row++)
    {
        var vector = vectors.AsSpan(row * dimensions, dimensions);
        for (var d = 0; d < dimensions; d++)
        {
            vector[d] = (float)((random.NextDouble() * 2) - 1);
        }

        var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares<float>(vector));
        System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
        var words = Enumerable.Range(0, 60).Select(_ => vocabulary[random.Next(vocabulary.Length)]);
        chunks[row] = new IndexedChunk($"bench:d{row / 20}", $"bench:c{row}", string.Join(' ', words), [vocabulary[random.Next(vocabulary.Length)]], "Synthetic", null, null);
    }

    return TenantIndexBuilder.Build("bench", chunks, vectors, dimensions, quantize);
}
