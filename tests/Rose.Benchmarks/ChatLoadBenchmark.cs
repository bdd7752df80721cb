extern alias standalone;

using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Rose.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using StandaloneHost = standalone::Program;

namespace Rose.Benchmarks;

/// <summary>
/// Time to first token of the website agent under load, on the standalone host served by Kestrel:
/// a knowledge base built from a corpus (and variations of it, up to the chunk target), then
/// concurrent conversations asking the corpus's questions through the real SSE API. Run once with
/// the offline composer, once with an LLM stub whose first token comes after a fixed delay.
/// </summary>
internal static class ChatLoadBenchmark
{
    public static async Task<int> RunAsync(string corpus, IReadOnlyList<Question> questions, int chunkTarget, int conversations, int turns)
    {
        var files = Directory.EnumerateFiles(corpus, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var rows = new List<(string Metric, string Value, string Target)>();

        await using (var offline = Host(null))
        {
            var chunks = await BuildKnowledgeBaseAsync(offline, files, chunkTarget);
            rows.Add(("knowledge base (chunks)", chunks.ToString(), $"~{chunkTarget}"));
            var ttft = await MeasureAsync(offline, questions, conversations, turns);
            rows.Add(($"offline TTFT p50 ({conversations} conversations)", Ms(Percentile(ttft, 50)), "≤ 50 ms"));
            rows.Add(($"offline TTFT p99 ({conversations} conversations)", Ms(Percentile(ttft, 99)), "≤ 200 ms"));
        }

        using var llm = new ExternalApiStub();
        var firstTokenDelay = TimeSpan.FromMilliseconds(100);
        llm.Server.Given(Request.Create().WithPath("/v1/chat/completions").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/event-stream")
                .WithBody(OpenAiWire.Stream(["Here is what the documentation says ", "[1]."]))
                .WithDelay(firstTokenDelay));
        await using (var withLlm = Host(llm.Url + "/v1"))
        {
            await BuildKnowledgeBaseAsync(withLlm, files, Math.Min(chunkTarget, 2_000));
            var ttft = await MeasureAsync(withLlm, questions, conversations, turns);
            var overhead = ttft.Select(t => t - firstTokenDelay.TotalMilliseconds).ToList();
            rows.Add(($"LLM stub (first token at {firstTokenDelay.TotalMilliseconds:F0} ms) TTFT p50", Ms(Percentile(ttft, 50)), ""));
            rows.Add(("Rose's own overhead on TTFT p50", Ms(Percentile(overhead, 50)), "≤ 30 ms"));
            rows.Add(("Rose's own overhead on TTFT p99", Ms(Percentile(overhead, 99)), ""));
        }

        Console.WriteLine();
        Console.WriteLine($"| {"chat load metric",-58} | {"measured",12} | {"target",10} |");
        Console.WriteLine($"|{new string('-', 60)}|{new string('-', 14)}|{new string('-', 12)}|");
        foreach (var (metric, value, target) in rows)
        {
            Console.WriteLine($"| {metric,-58} | {value,12} | {target,10} |");
        }

        return 0;
    }

    private static RoseAppFactory<StandaloneHost> Host(string? llmEndpoint)
    {
        var host = new RoseAppFactory<StandaloneHost>()
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

    /// <summary>Loads the corpus, then variations of it (same text, another title and URL) until the chunk target is reached.</summary>
    private static async Task<int> BuildKnowledgeBaseAsync(RoseAppFactory<StandaloneHost> host, List<string> files, int chunkTarget)
    {
        using var staff = Client(host, RoseAppFactory<StandaloneHost>.StaffKey);
        var created = await (await staff.PostAsJsonAsync("/admin/v1/tenants", new { tenantId = "bench", name = "Bench" })).Content.ReadFromJsonAsync<JsonElement>();
        Tenant = (created.GetProperty("tenant").GetProperty("publicKey").GetString()!, created.GetProperty("apiKey").GetString()!);
        using var management = Client(host, Tenant.ApiKey);
        var clock = Stopwatch.StartNew();
        var chunks = 0;
        for (var copy = 0; chunks < chunkTarget; copy++)
        {
            var ids = new List<string>();
            foreach (var file in files)
            {
                var text = await File.ReadAllTextAsync(file);
                var name = Path.GetFileNameWithoutExtension(file);
                var content = copy == 0 ? text : $"Edition {copy}.\n\n{text}";
                var response = await management.PostAsJsonAsync("/api/v1/knowledge/documents", new
                {
                    title = copy == 0 ? name : $"{name} (edition {copy})",
                    url = $"https://docs.bench.test/{name}{(copy == 0 ? string.Empty : $"?edition={copy}")}",
                    content,
                    contentType = "text/markdown",
                });
                ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
            }

            foreach (var id in ids)
            {
                chunks += await WaitIndexedAsync(management, id);
            }

            Console.WriteLine($"  knowledge base: {chunks} chunks after {clock.Elapsed.TotalSeconds:F0} s");
        }

        return chunks;
    }

    private static (string PublicKey, string ApiKey) Tenant { get; set; }

    private static async Task<int> WaitIndexedAsync(HttpClient management, string id)
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

    /// <summary>Each conversation asks <paramref name="turns"/> questions in a row; TTFT is from the POST to the first token event.</summary>
    private static async Task<List<double>> MeasureAsync(RoseAppFactory<StandaloneHost> host, IReadOnlyList<Question> questions, int conversations, int turns)
    {
        // One warm-up turn: the first answer loads the encoder and the tenant's index.
        await AskAsync(host, questions[0].Text, await StartAsync(host));
        var samples = new List<double>();
        await Task.WhenAll(Enumerable.Range(0, conversations).Select(async c =>
        {
            var conversation = await StartAsync(host);
            for (var t = 0; t < turns; t++)
            {
                var ttft = await AskAsync(host, questions[(c * turns + t) % questions.Count].Text, conversation);
                lock (samples)
                {
                    samples.Add(ttft);
                }
            }
        }));
        return samples;
    }

    private static async Task<(string Id, string Token)> StartAsync(RoseAppFactory<StandaloneHost> host)
    {
        using var widget = Client(host, null);
        var started = await (await widget.PostAsync("/rose/v1/conversations", null)).Content.ReadFromJsonAsync<JsonElement>();
        return (started.GetProperty("conversationId").GetString()!, started.GetProperty("token").GetString()!);
    }

    private static async Task<double> AskAsync(RoseAppFactory<StandaloneHost> host, string question, (string Id, string Token) conversation)
    {
        using var widget = Client(host, null);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/rose/v1/conversations/{conversation.Id}/messages") { Content = JsonContent.Create(new { text = question }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
        var clock = Stopwatch.StartNew();
        using var response = await widget.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        double? firstToken = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (firstToken is null && line == "event: token")
            {
                firstToken = clock.Elapsed.TotalMilliseconds;
            }
        }

        return firstToken ?? clock.Elapsed.TotalMilliseconds;
    }

    private static HttpClient Client(RoseAppFactory<StandaloneHost> host, string? bearer)
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

    private static double Percentile(IReadOnlyList<double> samples, int percentile)
    {
        var sorted = samples.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(sorted.Length * percentile / 100.0) - 1, 0, sorted.Length - 1)];
    }

    private static string Ms(double value) => $"{value:F1} ms";
}
