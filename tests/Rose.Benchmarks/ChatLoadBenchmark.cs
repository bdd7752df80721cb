extern alias standalone;

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Rose.Testing;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;
using StandaloneHost = standalone::Program;

namespace Rose.Benchmarks;

/// <summary>
/// Time to first token of the website agent under load, on the standalone host served by Kestrel:
/// a knowledge base ingested from a corpus through the API and grown to the chunk target with
/// synthetic editions, then concurrent conversations asking the corpus's questions through the real
/// SSE API. Visitors read an answer before they ask again, so each conversation waits a random
/// think time between turns; a back-to-back run (no think time) shows where the host saturates.
/// Run with the offline composer, then (same data) with an LLM stub whose first token comes after a
/// fixed delay.
/// </summary>
internal static class ChatLoadBenchmark
{
    private const string StubAnswer = "Stubbed answer: the documentation says so [1].";
    private static readonly TimeSpan FirstTokenDelay = TimeSpan.FromMilliseconds(100);

    public static async Task<int> RunAsync(ChatLoadSettings settings, IReadOnlyList<Question> questions)
    {
        var files = Directory.EnumerateFiles(settings.Corpus, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var rows = new List<(string Metric, string Value, string Target)>();
        var failedGates = new List<string>();
        void Gate(string metric, double value, double limit)
        {
            if (!(value <= limit))
            {
                failedGates.Add($"{metric}: {value:F1} ms > {limit:F0} ms");
            }
        }

        var data = settings.DataPath ?? Directory.CreateTempSubdirectory("rose-chat-bench-").FullName;
        var think = $"think {settings.MinThink.TotalSeconds:0.#}–{settings.MaxThink.TotalSeconds:0.#} s";
        try
        {
            await using (var offline = Host(data, null))
            {
                var chunks = await BuildKnowledgeBaseAsync(offline, data, files, settings.ChunkTarget);
                rows.Add(("knowledge base (chunks)", chunks.ToString(CultureInfo.InvariantCulture), $"{settings.ChunkTarget}"));
                var ttft = await MeasureAsync(offline, questions, settings, settings.MinThink, settings.MaxThink);
                rows.Add(($"offline TTFT p50 ({settings.Conversations} conversations, {think})", Ms(Percentile(ttft, 50)), "≤ 50 ms"));
                rows.Add(($"offline TTFT p99 ({settings.Conversations} conversations, {think})", Ms(Percentile(ttft, 99)), "≤ 200 ms"));
                Gate("offline TTFT p50", Percentile(ttft, 50), 50);
                Gate("offline TTFT p99", Percentile(ttft, 99), 200);
                rows.Add(("offline answers with a cited source", Share(ttft.Turns.Count(t => t.Cited), ttft.Turns.Count), ""));
                rows.Add(("offline answers citing the page the question is labelled with", Share(ttft.Turns.Count(t => t.CitedLabelledPage), ttft.Turns.Count), ""));
                var saturated = await MeasureAsync(offline, questions, settings, TimeSpan.Zero, TimeSpan.Zero);
                rows.Add(($"offline TTFT p50, back to back (no think time)", Ms(Percentile(saturated.Ttft, 50)), ""));
                rows.Add(($"offline TTFT p99, back to back (no think time)", Ms(Percentile(saturated.Ttft, 99)), ""));
                rows.Add(($"offline turns per second, back to back", $"{saturated.TurnsPerSecond:F1}", ""));
            }

            // The stub answers streamed calls (answers) and whole ones (rewrites of follow-ups,
            // suggestions, skill choice) after the same delay, as one provider serving every purpose.
            using var llm = new ExternalApiStub();
            llm.Server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost().WithBody(new JsonPartialMatcher("""{"stream":true}""")))
                .AtPriority(1)
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/event-stream")
                    .WithBody(OpenAiWire.Stream([StubAnswer[..12], StubAnswer[12..]]))
                    .WithDelay(FirstTokenDelay));
            llm.Server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost())
                .AtPriority(2)
                .RespondWith(Response.Create().WithCallback(EchoLastQuestionAsync));
            await using (var withLlm = Host(data, llm.Url + "/v1"))
            {
                await BuildKnowledgeBaseAsync(withLlm, data, files, settings.ChunkTarget);
                var ttft = await MeasureAsync(withLlm, questions, settings, settings.MinThink, settings.MaxThink);
                // Overhead is measured on the turns the LLM answered; declined questions never reach it.
                var answered = ttft.Turns.Where(t => t.ByLlm).ToList();
                var overhead = answered.Select(t => t.Ttft - FirstTokenDelay.TotalMilliseconds).ToList();
                rows.Add(("turns answered by the LLM stub", Share(answered.Count, ttft.Turns.Count), ""));
                rows.Add(($"LLM stub (first token at {FirstTokenDelay.TotalMilliseconds:F0} ms) TTFT p50", Ms(Percentile(answered.Select(t => t.Ttft).ToList(), 50)), ""));
                rows.Add(("Rose's own overhead on TTFT p50", Ms(Percentile(overhead, 50)), "≤ 30 ms"));
                Gate("Rose's own overhead on TTFT p50", Percentile(overhead, 50), 30);
                rows.Add(("Rose's own overhead on TTFT p99", Ms(Percentile(overhead, 99)), ""));
            }
        }
        finally
        {
            if (settings.DataPath is null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(data, recursive: true);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Console.WriteLine($"| {"chat load metric",-62} | {"measured",12} | {"target",10} |");
        Console.WriteLine($"|{new string('-', 64)}|{new string('-', 14)}|{new string('-', 12)}|");
        foreach (var (metric, value, target) in rows)
        {
            Console.WriteLine($"| {metric,-62} | {value,12} | {target,10} |");
        }

        // A regression must be visible to whoever runs this: a missed target is a failed run.
        foreach (var failed in failedGates)
        {
            Console.WriteLine($"gate failed: {failed}");
        }

        Console.WriteLine(failedGates.Count == 0 ? "gates: all passed" : $"gates: {failedGates.Count} failed");
        return failedGates.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// A whole (non-streamed) completion after the same delay whose text is the visitor's last
    /// message: a follow-up's rewrite then searches what was asked, as a good rewrite would.
    /// </summary>
    private static async Task<IResponseMessage> EchoLastQuestionAsync(IRequestMessage request)
    {
        await Task.Delay(FirstTokenDelay);
        var messages = JsonDocument.Parse(request.Body ?? "{}").RootElement.GetProperty("messages");
        var last = messages[messages.GetArrayLength() - 1].GetProperty("content").ToString();
        return new ResponseMessage
        {
            StatusCode = 200,
            Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
            BodyData = new BodyData { BodyAsString = OpenAiWire.Completion(last), DetectedBodyType = BodyType.String },
        };
    }

    internal static RoseAppFactory<StandaloneHost> Host(string data, string? llmEndpoint)
    {
        var host = new RoseAppFactory<StandaloneHost>()
            .With("Rose:DataPath", data)
            .With("Rose:Demo:Enabled", "false")
            .With("Rose:Chat:MessagesPerMinutePerVisitor", "10000")
            .With("Rose:Chat:ConversationsPerMinutePerVisitor", "10000")
            .With("Logging:LogLevel:Default", "Warning");
        if (llmEndpoint is not null)
        {
            host.With("Rose:Llm:Providers:stub:Kind", "OpenAICompatible")
                .With("Rose:Llm:Providers:stub:Endpoint", llmEndpoint)
                .With("Rose:Llm:Providers:stub:Model", "stub")
                .With("Rose:Llm:Providers:stub:ApiKey", "benchmark")
                .With("Rose:Llm:Purposes:answer", "stub");
        }

        host.UseKestrel(0);
        host.StartServer();
        return host;
    }

    /// <summary>
    /// Creates the tenant and ingests the corpus through the API unless the data folder already has
    /// them (a kept <c>--data</c> folder), then grows the base to the chunk target.
    /// </summary>
    internal static async Task<int> BuildKnowledgeBaseAsync(RoseAppFactory<StandaloneHost> host, string data, List<string> files, int chunkTarget)
    {
        var keys = Path.Combine(data, "bench-tenant.json");
        if (File.Exists(keys))
        {
            var saved = JsonSerializer.Deserialize<JsonElement>(await File.ReadAllTextAsync(keys));
            Tenant = (saved.GetProperty("tenantId").GetString()!, saved.GetProperty("publicKey").GetString()!, saved.GetProperty("apiKey").GetString()!);
        }
        else
        {
            using var staff = Client(host, RoseAppFactory<StandaloneHost>.StaffKey);
            var created = await (await staff.PostAsJsonAsync("/admin/v1/tenants", new { tenantId = "bench", name = "Bench" })).Content.ReadFromJsonAsync<JsonElement>();
            var tenant = created.GetProperty("tenant");
            Tenant = (tenant.GetProperty("tenantId").GetString()!, tenant.GetProperty("publicKey").GetString()!, created.GetProperty("apiKey").GetString()!);
            await IngestAsync(host, files);
            await File.WriteAllTextAsync(keys, JsonSerializer.Serialize(new { tenantId = Tenant.Id, publicKey = Tenant.PublicKey, apiKey = Tenant.ApiKey }));
        }

        var clock = Stopwatch.StartNew();
        var chunks = await SyntheticEditions.GrowAsync(host.Services, Tenant.Id, chunkTarget);
        Console.WriteLine($"  knowledge base: {chunks} chunks (editions added and index loaded in {clock.Elapsed.TotalSeconds:F0} s)");
        return chunks;
    }

    private static async Task IngestAsync(RoseAppFactory<StandaloneHost> host, List<string> files)
    {
        using var management = Client(host, Tenant.ApiKey);
        var clock = Stopwatch.StartNew();
        var ids = new List<string>();
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var response = await management.PostAsJsonAsync("/api/v1/knowledge/documents", new
            {
                title = name,
                url = $"https://docs.bench.test/{name}",
                content = await File.ReadAllTextAsync(file),
                contentType = "text/markdown",
            });
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        var chunks = 0;
        foreach (var id in ids)
        {
            chunks += await WaitIndexedAsync(management, id);
        }

        Console.WriteLine($"  corpus ingested through the API: {ids.Count} documents, {chunks} chunks in {clock.Elapsed.TotalSeconds:F0} s");
    }

    internal static (string Id, string PublicKey, string ApiKey) Tenant { get; private set; }

    internal static async Task<int> WaitIndexedAsync(HttpClient management, string id)
    {
        while (true)
        {
            var view = await management.GetFromJsonAsync<JsonElement>($"/api/v1/knowledge/documents/{Uri.EscapeDataString(id)}");
            var status = view.GetProperty("status").GetString();
            if (string.Equals(status, "Indexed", StringComparison.OrdinalIgnoreCase))
            {
                return view.GetProperty("chunkCount").GetInt32();
            }

            if (string.Equals(status, "Failed", StringComparison.OrdinalIgnoreCase))
            {
                return 0;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Each conversation asks its questions in a row, waiting a random think time (seeded) after each
    /// answer; TTFT is from the POST to the first token event.
    /// </summary>
    private static async Task<LoadRun> MeasureAsync(
        RoseAppFactory<StandaloneHost> host, IReadOnlyList<Question> questions, ChatLoadSettings settings, TimeSpan minThink, TimeSpan maxThink)
    {
        // Warm-up turns: the first answers load the encoder, the tenant's index and the JIT'd paths.
        var warmUp = await StartAsync(host);
        for (var i = 0; i < 5; i++)
        {
            await AskAsync(host, questions[i % questions.Count], warmUp);
        }

        var samples = new List<TurnResult>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, settings.Conversations).Select(async c =>
        {
            var random = new Random(c);
            var conversation = await StartAsync(host);
            for (var t = 0; t < settings.Turns; t++)
            {
                // Spread the first questions too: visitors do not all press Enter at the same instant.
                await Task.Delay(Think(random, minThink, maxThink));
                var turn = await AskAsync(host, questions[((c * settings.Turns) + t) % questions.Count], conversation);
                lock (samples)
                {
                    samples.Add(turn);
                }
            }
        }));
        return new LoadRun(samples, samples.Count / clock.Elapsed.TotalSeconds);
    }

    private static TimeSpan Think(Random random, TimeSpan min, TimeSpan max) =>
        min + ((max - min) * random.NextDouble());

    private static async Task<(string Id, string Token)> StartAsync(RoseAppFactory<StandaloneHost> host)
    {
        using var widget = Client(host, null);
        var started = await (await widget.PostAsync("/rose/v1/conversations", null)).Content.ReadFromJsonAsync<JsonElement>();
        return (started.GetProperty("conversationId").GetString()!, started.GetProperty("token").GetString()!);
    }

    /// <summary>
    /// One turn: time to the first token event, whether the answer cited a source (and the page the
    /// question's label names), and whether the LLM stub wrote it.
    /// </summary>
    private static async Task<TurnResult> AskAsync(RoseAppFactory<StandaloneHost> host, Question question, (string Id, string Token) conversation)
    {
        using var widget = Client(host, null);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/rose/v1/conversations/{conversation.Id}/messages") { Content = JsonContent.Create(new { text = question.Text }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
        var clock = Stopwatch.StartNew();
        using var response = await widget.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        double? firstToken = null;
        string? currentEvent = null;
        var citedPages = new List<string>();
        var byLlm = false;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                currentEvent = line["event: ".Length..];
                firstToken ??= currentEvent == "token" ? clock.Elapsed.TotalMilliseconds : null;
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                var data = JsonDocument.Parse(line["data: ".Length..]).RootElement;
                if (currentEvent == "citation" && data.GetProperty("url").GetString() is { } url)
                {
                    citedPages.Add(new Uri(url).AbsolutePath.Trim('/'));
                }

                byLlm |= currentEvent == "token" && data.GetProperty("text").GetString()!.Contains("Stub", StringComparison.Ordinal);
            }
        }

        var labelled = Path.GetFileNameWithoutExtension(question.Document);
        return new TurnResult(firstToken ?? clock.Elapsed.TotalMilliseconds, citedPages.Count > 0, citedPages.Contains(labelled), byLlm);
    }

    internal static HttpClient Client(RoseAppFactory<StandaloneHost> host, string? bearer)
    {
        var client = new HttpClient { BaseAddress = host.ServerAddress(), Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Add("X-Rose-Key", Tenant.PublicKey ?? string.Empty);
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    private static Uri ServerAddress(this RoseAppFactory<StandaloneHost> host) =>
        new(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));

    private static double Percentile(LoadRun run, int percentile) => Percentile(run.Ttft, percentile);

    private static string Share(int part, int whole) => $"{part}/{whole} ({100.0 * part / Math.Max(1, whole):F0} %)";

    private static double Percentile(List<double> samples, int percentile)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = samples.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(sorted.Length * percentile / 100.0) - 1, 0, sorted.Length - 1)];
    }

    private static string Ms(double value) => $"{value:F1} ms";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed record TurnResult(double Ttft, bool Cited, bool CitedLabelledPage, bool ByLlm);

    private sealed record LoadRun(List<TurnResult> Turns, double TurnsPerSecond)
    {
        public List<double> Ttft => Turns.Select(t => t.Ttft).ToList();
    }
}
