using System.Globalization;

namespace Rose.Benchmarks;

/// <summary>
/// <c>load</c>: 200 concurrent visitors (by default) for 90 s against the standalone host on
/// PostgreSQL and Redis, the offline composer answering (<c>--llm</c>: an LLM stub). Gates: every
/// visitor served, no error but the hasty visitors' intended 429s, offline TTFT p99 ≤ 500 ms, and
/// nothing accepted lost or doubled. Figures, gates and an SVG chart (beside them in
/// <c>--out</c>) are printed; exit 1 when a gate fails.
/// </summary>
internal static class LoadBenchmark
{
    public const double TtftP99GateMs = 500;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var settings = OperatingSettings.Parse(args);
        Console.WriteLine($"load: {settings.Visitors} visitors ({settings.HastyVisitors} hasty) for {settings.Duration.TotalSeconds:F0} s, think {settings.MinThink.TotalSeconds:0.#}–{settings.MaxThink.TotalSeconds:0.#} s; machine {MachineLoad.Describe()}");
        await using var rose = await RoseUnderLoad.StartAsync(settings.WithLlm);
        await WarmUpAsync(rose, settings);
        using var load = new VisitorLoad(rose.Address, rose.PublicKey, settings);
        HostSampler sampler;
        await using (sampler = new HostSampler(rose, load.Clock, TimeSpan.FromSeconds(1), () => load.InFlight))
        {
            await load.RunAsync(settings.Duration);
        }

        var seconds = load.Clock.Elapsed.TotalSeconds;
        var requests = load.Requests.ToList();
        var figures = LoadFigures.Of(requests, 0, seconds + 1);
        figures.Print(Console.Out, "load");
        Console.WriteLine($"| {"turns in flight, peak (sampled each second)",-44} | {sampler.PeakInFlight,22} |");
        var check = await NothingLostCheck.RunAsync(rose, load, TimeSpan.FromSeconds(90));
        Console.WriteLine();
        check.Print(Console.Out);

        var gates = new GateTable();
        AddLoadGates(gates, settings, requests, figures, check);
        Console.WriteLine();
        Console.WriteLine($"gates (machine {MachineLoad.Describe()}):");
        gates.Print(Console.Out);
        var chart = Path.Combine(settings.OutputFolder, "load.svg");
        LoadChartSvg.Write(chart, $"Rose load: {settings.Visitors} visitors on the standalone host (PostgreSQL, Redis), load average {MachineLoad.Now()}", requests, seconds);
        Console.WriteLine($"chart: {chart}");
        return gates.AllPassed ? 0 : 1;
    }

    public static void AddLoadGates(GateTable gates, OperatingSettings settings, IReadOnlyList<VisitorRequest> requests, LoadFigures figures, NothingLostCheck? check)
    {
        var served = requests.Where(r => r.Kind == "message" && r.Outcome == VisitorRequestOutcome.Answered).Select(r => r.Visitor).Distinct().Count();
        gates.Add("concurrent visitors, each answered at least once", $"{served} of {settings.Visitors}", "200", settings.Visitors >= 200 && served == settings.Visitors);
        gates.Add("errors (all but intended 429s)", figures.Errors.ToString(CultureInfo.InvariantCulture) + $" of {requests.Count} requests; {figures.IntendedRefusals} intended 429s", "0", figures.Errors == 0);
        var p99 = Percentiles.Of(figures.Ttft, 99);
        if (!settings.WithLlm)
        {
            gates.Add("offline TTFT p99", figures.Ttft.Count == 0 ? "no turn" : p99.ToString("F0", CultureInfo.InvariantCulture) + " ms", $"≤ {TtftP99GateMs:F0} ms", p99 <= TtftP99GateMs);
        }

        if (check is not null)
        {
            gates.Add("answered turns stored, none doubled or half-stored", $"{check.TurnsStored} stored / {check.TurnsAnswered} answered; lost {check.Lost}, doubled {check.Extra}, half {check.HalfStored}", "lost 0, doubled 0, half 0", check.Lost == 0 && check.Extra == 0 && check.HalfStored == 0 && check.ConversationsUnreadable == 0);
            gates.Add("accepted leads delivered once to the webhook", $"{check.LeadsDelivered} of {check.LeadsAccepted}; twice {check.LeadsDeliveredTwice}", "all, once", check.LeadsMissing == 0 && check.LeadsDeliveredTwice == 0);
            gates.Add("outbox drained, no dead letter", $"pending {check.OutboxPending}, dead {check.DeadLetters}", "0, 0", check.OutboxPending == 0 && check.DeadLetters == 0);
        }
    }

    /// <summary>A few turns before the measured run: the encoder, the tenant's index and the JIT'd paths load on the first answers.</summary>
    public static async Task WarmUpAsync(RoseUnderLoad rose, OperatingSettings settings)
    {
        using var warm = new VisitorLoad(rose.Address, rose.PublicKey, settings with { Visitors = 4, HastyVisitors = 0, MinThink = TimeSpan.FromMilliseconds(200), MaxThink = TimeSpan.FromMilliseconds(600) }, firstAddress: 10_000);
        await warm.RunAsync(TimeSpan.FromSeconds(8));
        Console.WriteLine($"  warm-up: {warm.Requests.Count(r => r.Kind == "message" && r.Outcome == VisitorRequestOutcome.Answered)} turns answered, {warm.Requests.Count(r => r.IsError)} errors");
    }
}
