using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Rose.Testing;

namespace Rose.Benchmarks;

/// <summary>
/// <c>faults</c>: during one load run (visitors answered by an LLM stub), one fault at a time: Redis
/// stopped and restarted; PostgreSQL stopped (immediate) and restarted; the LLM slow, then failing,
/// then hanging; the host killed (SIGKILL) right after a document upload started its loading workflow
/// and leads were captured (their <c>lead.captured</c> events in the outbox), then restarted on the
/// same data. In the standalone shape the worker is this process, so killing it is killing the worker
/// mid-workflow and mid-event. Per fault: requests, errors by kind, recovery time, /health changes and
/// circuit-breaker lines from the host's log; then the counts compared (<see cref="NothingLostCheck"/>).
/// Exit 1 when a gate fails.
/// </summary>
internal static class FaultsBenchmark
{
    private static readonly TimeSpan Baseline = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var settings = OperatingSettings.Parse(args) with { WithLlm = true };
        var faults = Script(args);
        var total = Baseline + faults.Aggregate(TimeSpan.Zero, (sum, f) => sum + f.Lasts + f.Settle) + TimeSpan.FromSeconds(5);
        Console.WriteLine($"faults: {settings.Visitors} visitors, LLM stub answering, {string.Join(", ", faults.Select(f => f.Name))}; about {total.TotalSeconds:F0} s; machine {MachineLoad.Describe()}");
        await using var rose = await RoseUnderLoad.StartAsync(withLlm: true);
        await LoadBenchmark.WarmUpAsync(rose, settings);
        using var load = new VisitorLoad(rose.Address, rose.PublicKey, settings);
        var windows = new List<FaultWindow>();
        var logLines = new List<(double At, string Line)>();
        HostSampler sampler;
        await using (sampler = new HostSampler(rose, load.Clock, TimeSpan.FromMilliseconds(500), () => load.InFlight))
        {
            var visitors = load.RunAsync(total);
            await Task.Delay(Baseline);
            foreach (var fault in faults)
            {
                var outputBefore = rose.Host.Output.Split('\n').Length;
                var from = load.Clock.Elapsed.TotalSeconds;
                Console.WriteLine($"  {from,6:F1} s  {fault.Name}: break");
                var note = string.Empty;
                if (fault.HostDown)
                {
                    note = await CrashMidWorkflowAsync(rose, load);
                }
                else
                {
                    await fault.Break(rose);
                    await Task.Delay(fault.Lasts);
                }

                var restoredAt = load.Clock.Elapsed.TotalSeconds;
                Console.WriteLine($"  {restoredAt,6:F1} s  {fault.Name}: restore");
                await fault.Restore(rose);
                await Task.Delay(fault.Settle);
                if (!fault.HostDown)
                {
                    logLines.AddRange(rose.Host.Output.Split('\n').Skip(outputBefore).Where(IsBreakerLine).Select(l => (from, $"{fault.Name}: {l.Trim()}")));
                }

                windows.Add(new FaultWindow(fault, from, restoredAt, load.Clock.Elapsed.TotalSeconds, note));
            }

            await visitors;
        }

        var seconds = load.Clock.Elapsed.TotalSeconds;
        var requests = load.Requests.ToList();
        var gates = new GateTable();
        var baseline = LoadFigures.Of(requests, 0, windows.Count > 0 ? windows[0].From : seconds);
        baseline.Print(Console.Out, "baseline (no fault)");
        gates.Add("baseline: errors (all but intended 429s)", $"{baseline.Errors}", "0", baseline.Errors == 0);
        foreach (var window in windows)
        {
            PrintAndGate(window, requests, sampler, logLines, gates);
        }

        var check = await NothingLostCheck.RunAsync(rose, load, TimeSpan.FromSeconds(150));
        Console.WriteLine();
        Console.WriteLine("after recovery, accepted vs stored and delivered:");
        check.Print(Console.Out);
        gates.Add("after recovery: answered turns stored, none doubled or half-stored", $"{check.TurnsStored} stored / {check.TurnsAnswered} answered (+{check.TurnsUnknown} unseen ends); lost {check.Lost}, doubled {check.Extra}, half {check.HalfStored}", "0 lost, doubled, half", check.Lost == 0 && check.Extra == 0 && check.HalfStored == 0 && check.ConversationsUnreadable == 0);
        gates.Add("after recovery: accepted leads delivered once", $"{check.LeadsDelivered} of {check.LeadsAccepted}; twice {check.LeadsDeliveredTwice}", "all, once", check.LeadsMissing == 0 && check.LeadsDeliveredTwice == 0);
        gates.Add("after recovery: outbox drained, no dead letter", $"pending {check.OutboxPending}, dead {check.DeadLetters}", "0, 0", check.OutboxPending == 0 && check.DeadLetters == 0);
        Console.WriteLine();
        Console.WriteLine($"gates (machine {MachineLoad.Describe()}):");
        gates.Print(Console.Out);
        var chart = Path.Combine(settings.OutputFolder, "faults.svg");
        LoadChartSvg.Write(chart, $"Rose under faults: {settings.Visitors} visitors, load average {MachineLoad.Now()}", requests, seconds,
            bands: [.. windows.Select(w => (w.From, w.RestoredAt, w.Fault.Name))], resources: sampler.Resources);
        Console.WriteLine($"chart: {chart}");
        return gates.AllPassed ? 0 : 1;
    }

    /// <summary>The faults, in order; <c>--only redis,postgres,…</c> runs some of them.</summary>
    private static List<FaultScript> Script(IReadOnlyList<string> args)
    {
        var all = new List<FaultScript>
        {
            new("redis", TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(20), r => { r.Redis.Stop(); return Task.CompletedTask; }, r => r.Redis.StartAsync(), StorageDown: false),
            new("postgres", TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(25), r => r.Postgres.StopAsync(), r => r.Postgres.StartAsync(), StorageDown: true),
            new("llm-slow", TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(15), r => Mode(r, LlmStubMode.Slow), r => Mode(r, LlmStubMode.Normal), StorageDown: false),
            new("llm-failing", TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(35), r => Mode(r, LlmStubMode.Failing), r => Mode(r, LlmStubMode.Normal), StorageDown: false),
            new("llm-hanging", TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(35), r => Mode(r, LlmStubMode.Hanging), r => Mode(r, LlmStubMode.Normal), StorageDown: false),
            new("host-killed", TimeSpan.Zero, TimeSpan.FromSeconds(25), _ => Task.CompletedTask, _ => Task.CompletedTask, StorageDown: true, HostDown: true),
        };
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault()?.Split(',');
        return only is null ? all : [.. all.Where(f => only.Contains(f.Name, StringComparer.Ordinal))];
    }

    private static Task Mode(RoseUnderLoad rose, LlmStubMode mode)
    {
        rose.Llm!.Mode = mode;
        return Task.CompletedTask;
    }

    private static bool IsBreakerLine(string line) =>
        line.Contains("ircuit", StringComparison.Ordinal) || line.Contains("breaker", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Uploads a document (its loading workflow starts at once), captures a few leads (their events
    /// go to the outbox in the lead's transaction), kills the host while both are under way, restarts
    /// it on the same data and waits until the document is indexed.
    /// </summary>
    private static async Task<string> CrashMidWorkflowAsync(RoseUnderLoad rose, VisitorLoad load)
    {
        using var management = rose.Management();
        var text = string.Join("\n\n", Directory.EnumerateFiles(RepositoryRoot.PathOf("docs"), "*.md").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        var uploaded = await management.PostAsJsonAsync("/api/v1/knowledge/documents", new
        {
            title = "Everything about Rose (crash test)",
            url = "https://docs.rose.test/crash-test",
            content = text,
            contentType = "text/markdown",
        });
        var documentId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var widget = new HttpClient { BaseAddress = rose.Address };
        widget.DefaultRequestHeaders.Add("X-Rose-Key", rose.PublicKey);
        for (var i = 0; i < 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/rose/v1/leads") { Content = JsonContent.Create(new { email = $"crash{i}@load.rose.test" }) };
            request.Headers.Add("X-Forwarded-For", $"198.18.60.{i + 1}");
            using var lead = await widget.SendAsync(request);
            if (lead.IsSuccessStatusCode)
            {
                load.LeadsAccepted.Add((await lead.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
            }
        }

        var status = (await management.GetFromJsonAsync<JsonElement>($"/api/v1/knowledge/documents/{Uri.EscapeDataString(documentId)}")).GetProperty("status").GetString();
        var restart = await rose.CrashAndRestartAsync();
        using var after = rose.Management();
        var clock = Stopwatch.StartNew();
        string? final = null;
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            final = (await after.GetFromJsonAsync<JsonElement>($"/api/v1/knowledge/documents/{Uri.EscapeDataString(documentId)}")).GetProperty("status").GetString();
            if (final is "Indexed" or "indexed" or "Failed" or "failed")
            {
                break;
            }

            await Task.Delay(500);
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"document {status} when killed; host back (ready) in {restart.TotalSeconds:F1} s; document {final} {clock.Elapsed.TotalSeconds:F1} s after the restart");
    }

    private static void PrintAndGate(FaultWindow window, List<VisitorRequest> requests, HostSampler sampler, List<(double At, string Line)> logLines, GateTable gates)
    {
        var fault = window.Fault;
        var figures = LoadFigures.Of(requests, window.From, window.To);
        figures.Print(Console.Out, string.Create(CultureInfo.InvariantCulture, $"fault {fault.Name} (broken {window.From:F0}–{window.RestoredAt:F0} s, watched until {window.To:F0} s)"));
        var inWindow = figures.Requests;
        var lastError = inWindow.Where(r => r.IsError).Select(r => r.AtSeconds + (r.TotalMs / 1000)).DefaultIfEmpty(double.NaN).Max();
        var recovery = double.IsNaN(lastError) ? 0 : Math.Max(0, lastError - window.RestoredAt);
        var recovered = double.IsNaN(lastError) || lastError < window.To - 5;
        var health = sampler.HealthChanges.Where(h => h.At >= window.From - 0.5 && h.At < window.To).ToList();
        var unready = health.Any(h => h.Status != "200");
        var backAt = sampler.HealthChanges.Where(h => h.At >= window.RestoredAt && h.At < window.To && h.Status == "200").Select(h => h.At).DefaultIfEmpty(double.NaN).First();
        var healthNow = sampler.HealthChanges.Where(h => h.At < window.To).Select(h => h.Status).LastOrDefault() ?? "none";
        Console.WriteLine($"| {"recovery: last error ended after the restore",-44} | {(double.IsNaN(lastError) ? "no error" : recovery.ToString("F1", CultureInfo.InvariantCulture) + " s"),22} |");
        Console.WriteLine($"| {"/health changes (s: status)",-44} | {(health.Count == 0 ? "none (200 throughout)" : string.Join(", ", health.Select(h => h.At.ToString("F1", CultureInfo.InvariantCulture) + ": " + h.Status))),22} |");
        if (!double.IsNaN(backAt))
        {
            Console.WriteLine($"| {"/health back to 200 after the restore",-44} | {(backAt - window.RestoredAt).ToString("F1", CultureInfo.InvariantCulture) + " s",22} |");
        }

        var faultLines = logLines.Where(l => l.Line.StartsWith(fault.Name + ":", StringComparison.Ordinal)).Select(l => l.Line).ToList();
        var transitions = BreakerTransitions.In(faultLines);
        Console.WriteLine($"| {"LLM circuit transitions (from the host's log)",-44} | {(transitions.Count == 0 ? "none" : string.Join(", ", transitions)),22} |");

        // Not the transitions counted above, nor the console's category lines ("warn: Rose.Llm.Resilience.CircuitBreaker[0]").
        foreach (var line in faultLines.Where(l => !BreakerTransitions.IsTransition(l) && !l.Contains("CircuitBreaker[", StringComparison.Ordinal)).Take(4))
        {
            Console.WriteLine($"  breaker log: {line[..Math.Min(line.Length, 200)]}");
        }

        if (window.Note.Length > 0)
        {
            Console.WriteLine($"  {window.Note}");
        }

        var hangs = inWindow.Count(r => r.Outcome == VisitorRequestOutcome.TimedOut);
        var server500 = inWindow.Count(r => r.Outcome == VisitorRequestOutcome.HttpError && r.Detail.StartsWith('5') && r.Detail != "503");
        var name = fault.Name;
        gates.Add($"{name}: no hang (no visitor waited 90 s)", $"{hangs}", "0", hangs == 0);
        if (fault.HostDown)
        {
            var indexed = window.Note.Contains("document Indexed", StringComparison.OrdinalIgnoreCase);
            gates.Add($"{name}: the interrupted workflow finished after the restart", window.Note.Length > 0 ? window.Note[(window.Note.LastIndexOf("document", StringComparison.Ordinal))..] : "n/a", "document indexed", indexed);
        }
        else if (fault.StorageDown)
        {
            var unclear = inWindow.Count(r => r.IsError && !(r.Outcome == VisitorRequestOutcome.ErrorEvent || (r.Outcome == VisitorRequestOutcome.HttpError && r.Detail == "503")));
            gates.Add($"{name}: refusals clear (error event or 503), no 500", $"{unclear} unclear, {server500} × 5xx other than 503", "0", unclear == 0);
            gates.Add($"{name}: /health unready while down, ready after", $"{(unready ? "unready seen" : "never unready")}, now {healthNow}", "unready, then 200", unready && healthNow == "200");
        }
        else
        {
            gates.Add($"{name}: widget kept answering", $"{figures.Errors} errors, {figures.Answered.Count} answered ({figures.Ttft.Count} offline)", "0 errors", figures.Errors == 0);
            gates.Add($"{name}: /health ready throughout", health.Count == 0 ? "200 throughout" : string.Join(", ", health.Select(h => h.Status)), "200", healthNow == "200");
        }

        gates.Add($"{name}: recovered (no error in the last 5 s of its window)", double.IsNaN(lastError) ? "no error" : $"last error ended {recovery.ToString("F1", CultureInfo.InvariantCulture)} s after the restore", "recovered", recovered);
    }
}
