extern alias standalone;

using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Rose.Backoffice.Pages.Accounts;
using Rose.Chat.Data;
using Rose.Storage;
using Rose.Tenancy;
using Rose.Testing;
using StandaloneHost = standalone::Program;

namespace Rose.Benchmarks;

/// <summary>
/// Server-side render time of the backoffice's conversation pages on the standalone host over
/// Kestrel, for one tenant holding 10,000 conversations of 10 messages (100,000 messages): the list,
/// a filtered and searched list, and a transcript, each requested one at a time by a signed-in user.
/// Usage: dotnet run -c Release --project tests/Rose.Benchmarks -- backoffice [--conversations 10000] [--requests 200]
/// </summary>
internal static partial class BackofficePagesBenchmark
{
    private const string TenantId = "bench";
    private const string Email = "owner@bench.test";
    private const string Password = "benchmark-password";
    private static readonly string[] Topics = ["pricing", "the Dapr sidecar", "SSO", "the widget colours", "GDPR", "HubSpot", "invoices", "the API keys"];

    public static async Task<int> RunAsync(string[] args)
    {
        var conversations = Option(args, "--conversations", 10_000);
        var requests = Option(args, "--requests", 200);
        var data = Directory.CreateTempSubdirectory("rose-bench-backoffice-").FullName;
        await using var host = new RoseAppFactory<StandaloneHost>()
            .With("Rose:DataPath", data)
            .With("Rose:Demo:Enabled", "false")
            .With("Logging:LogLevel:Default", "Warning");
        host.UseKestrel(0);
        host.StartServer();

        var seeding = Stopwatch.StartNew();
        var ids = await SeedAsync(host.Services, conversations);
        Console.WriteLine($"seeded {conversations:N0} conversations, {conversations * 10:N0} messages in {seeding.Elapsed.TotalSeconds:F1} s");

        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal)),
        };
        await SignInAsync(browser);
        var random = new Random(7);
        var pages = new (string Name, Func<string> Path)[]
        {
            ("conversations list (first page of 50)", () => "/backoffice/conversations"),
            ("filtered list: search 'pricing' + unanswered", () => "/backoffice/conversations?q=pricing&answered=no"),
            ("transcript (10 messages)", () => $"/backoffice/conversations/{ids[random.Next(ids.Count)]}"),
        };
        Console.WriteLine($"{"page",-48} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
        foreach (var (name, path) in pages)
        {
            for (var i = 0; i < 20; i++)
            {
                await GetAsync(browser, path());
            }

            var samples = new List<double>(requests);
            for (var i = 0; i < requests; i++)
            {
                var clock = Stopwatch.StartNew();
                await GetAsync(browser, path());
                samples.Add(clock.Elapsed.TotalMilliseconds);
            }

            samples.Sort();
            Console.WriteLine($"{name,-48} {samples[requests / 2],8:F1} {samples[(int)Math.Ceiling(requests * 0.95) - 1],8:F1} {samples[^1],8:F1}");
        }

        return 0;
    }

    private static async Task<List<string>> SeedAsync(IServiceProvider services, int conversations)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TenantAdministration>().CreateAsync(new NewTenant(TenantId, "Benchmark"), CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<BackofficeAccounts>().EnsureOwnerAsync(TenantId, Email, Password, CancellationToken.None);
        }

        var ids = new List<string>(conversations);
        var random = new Random(42);
        var start = DateTimeOffset.UtcNow.AddDays(-60);
        const int Batch = 500;
        for (var offset = 0; offset < conversations; offset += Batch)
        {
            await using var scope = services.CreateAsyncScope();
            using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(TenantId);
            var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var c = offset; c < Math.Min(conversations, offset + Batch); c++)
            {
                var id = $"conv-{c:D6}";
                ids.Add(id);
                var at = start.AddMinutes(c * 8);
                var declined = random.Next(10) == 0;
                db.Conversations.Add(new Conversation
                {
                    Id = id, TokenHash = new string('0', 64), Origin = "https://www.bench.test", Page = $"https://www.bench.test/page-{c % 40}",
                    VisitorCompany = random.Next(3) == 0 ? $"Company {c % 300}" : null, MessageCount = 10, CreatedAt = at, LastActivityAt = at.AddMinutes(5),
                    EndedAt = at.AddMinutes(35),
                });
                for (var m = 1; m <= 10; m++)
                {
                    var visitor = m % 2 == 1;
                    var topic = Topics[random.Next(Topics.Length)];
                    db.Messages.Add(new ConversationMessage
                    {
                        Id = $"{id}-{m}", ConversationId = id, Sequence = m, CreatedAt = at.AddSeconds(m * 20),
                        Role = visitor ? ConversationMessage.VisitorRole : ConversationMessage.AssistantRole,
                        Text = visitor ? $"How does Rose handle {topic}? We are evaluating it for our team of {random.Next(5, 500)} people."
                                       : $"Rose handles {topic} as the documentation describes: see the page on {topic} for the details and the limits that apply [1].",
                        Declined = !visitor && declined && m == 10,
                        LatencyMs = visitor ? null : random.Next(20, 400),
                        Model = visitor ? null : "offline",
                        Citations = visitor ? [] : [new StoredCitation { Number = 1, Title = topic, Url = "https://www.bench.test/docs/" + m, DocumentId = "d" + m, ChunkId = "k" + m }],
                    });
                }

                if (random.Next(20) == 0)
                {
                    db.Leads.Add(new Lead { Id = id + "-lead", Email = $"visitor{c}@bench.test", ConversationId = id, CreatedAt = at });
                }
            }

            await db.SaveChangesAsync();
        }

        return ids;
    }

    private static async Task SignInAsync(HttpClient browser)
    {
        var form = await browser.GetStringAsync("/backoffice/login");
        var token = WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value);
        var response = await browser.PostAsync("/backoffice/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in", ["__RequestVerificationToken"] = token, ["Input.Email"] = Email, ["Input.Password"] = Password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed: {response.StatusCode}");
        }
    }

    private static async Task GetAsync(HttpClient browser, string path)
    {
        using var response = await browser.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{path} answered {response.StatusCode}");
        }

        await response.Content.ReadAsByteArrayAsync();
    }

    private static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
