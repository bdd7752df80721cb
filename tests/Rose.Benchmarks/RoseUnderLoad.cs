using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Rose.Testing;

namespace Rose.Benchmarks;

/// <summary>
/// What the operating runs load: the standalone host as a process (so its memory and handles are its
/// own) on a real PostgreSQL (<c>Rose:Storage</c>) and a real Redis (<c>Rose:Limits:Redis</c>: rate
/// limits and stream caps), its demo tenant (Rose's own docs as the knowledge base), optionally an
/// LLM stub, and a webhook endpoint that receives the tenant's <c>lead.captured</c> events.
/// Visitors' addresses come in <c>X-Forwarded-For</c> from loopback, a trusted proxy, as behind an edge.
/// </summary>
internal sealed class RoseUnderLoad : IAsyncDisposable
{
    public const string StaffKey = "staff-key-of-the-operating-runs";
    private readonly Dictionary<string, string> environment;
    private readonly string data;

    private RoseUnderLoad(PostgresServer postgres, RedisServer redis, SwitchableLlmStub? llm, WebhookSink webhooks, string data, Dictionary<string, string> environment, StandaloneProcess host)
    {
        Postgres = postgres;
        Redis = redis;
        Llm = llm;
        Webhooks = webhooks;
        this.data = data;
        this.environment = environment;
        Host = host;
    }

    public PostgresServer Postgres { get; }

    public RedisServer Redis { get; }

    public SwitchableLlmStub? Llm { get; }

    public WebhookSink Webhooks { get; }

    public StandaloneProcess Host { get; private set; }

    public Uri Address => Host.Address;

    /// <summary>The host's <c>Rose:DataPath</c> (platform.db: the embedded outbox and dead letters).</summary>
    public string DataFolder => data;

    public string PublicKey { get; private set; } = string.Empty;

    public string ApiKey { get; private set; } = string.Empty;

    public static async Task<RoseUnderLoad> StartAsync(bool withLlm)
    {
        var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        var redis = new RedisServer();
        await redis.InitializeAsync();
        var database = await postgres.CreateDatabaseAsync("operating");
        var llm = withLlm ? new SwitchableLlmStub() : null;
        var webhooks = new WebhookSink();
        var data = Directory.CreateTempSubdirectory("rose-operating-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Rose__Storage__Provider"] = "PostgreSql",
            ["Rose__Storage__ConnectionString"] = database,
            ["Rose__Limits__Redis"] = redis.ConnectionString,
            ["Rose__Network__TrustedProxies__0"] = "127.0.0.1",
            ["Rose__Admin__ApiKey"] = StaffKey,
            ["Rose__Crm__Webhooks__AllowPrivateAddresses"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",

            // Every circuit-breaker transition (open is a warning; half-open and closed are information).
            ["Logging__LogLevel__Rose.Llm.Resilience.CircuitBreaker"] = "Information",
        };
        if (llm is not null)
        {
            environment["Rose__Llm__Providers__stub__Kind"] = "OpenAICompatible";
            environment["Rose__Llm__Providers__stub__Endpoint"] = llm.Endpoint;
            environment["Rose__Llm__Providers__stub__Model"] = "stub";
            environment["Rose__Llm__Providers__stub__ApiKey"] = "operating-runs";
            environment["Rose__Llm__Purposes__answer"] = "stub";
        }

        var clock = Stopwatch.StartNew();
        var host = StandaloneProcess.Start(data, environment);
        var rose = new RoseUnderLoad(postgres, redis, llm, webhooks, data, environment, host);
        try
        {
            await host.WaitUntilReadyAsync(TimeSpan.FromMinutes(5));
        }
        catch
        {
            // Leave no server behind when the host does not come up.
            await rose.DisposeAsync();
            throw;
        }

        Console.WriteLine($"  standalone host (pid {host.ProcessId}) on PostgreSQL :{postgres.Port} and Redis :{redis.Port} ready in {clock.Elapsed.TotalSeconds:F1} s{(llm is null ? ", offline composer" : ", LLM stub " + llm.Endpoint)}");
        var credentials = JsonSerializer.Deserialize<JsonElement>(await File.ReadAllTextAsync(Path.Combine(data, "demo-credentials.json")));
        rose.PublicKey = credentials.GetProperty(nameof(PublicKey)).GetString()!;
        rose.ApiKey = credentials.GetProperty(nameof(ApiKey)).GetString()!;
        using var management = rose.Management();
        var registered = await management.PostAsJsonAsync("/api/v1/webhooks", new { url = webhooks.Url, events = new[] { "lead.captured" } });
        registered.EnsureSuccessStatusCode();
        return rose;
    }

    /// <summary>The client staff's API (the demo tenant's <c>rk_…</c> key).</summary>
    public HttpClient Management()
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }

    /// <summary>Kills the host (SIGKILL) and starts it again on the same address, data folder, database and Redis.</summary>
    public async Task<TimeSpan> CrashAndRestartAsync()
    {
        await Host.KillAsync();
        await Host.DisposeAsync();
        var clock = Stopwatch.StartNew();
        Host = StandaloneProcess.Start(data, environment, Host.Address);
        await Host.WaitUntilReadyAsync(TimeSpan.FromMinutes(5));
        return clock.Elapsed;
    }

    /// <summary>Working set (VmRSS, bytes) and open file descriptors of the host process, read from /proc.</summary>
    public (long WorkingSet, int Handles) Resources()
    {
        var pid = Host.ProcessId;
        var rss = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (kilobytes * 1024, Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Llm?.Dispose();
        Webhooks.Dispose();
        await Redis.DisposeAsync();
        await Postgres.DisposeAsync();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
