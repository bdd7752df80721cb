using System.Globalization;

namespace Rose.Benchmarks;

/// <summary>
/// <c>soak</c>: the load of <see cref="LoadBenchmark"/> for <c>--minutes</c> (default 10), sampling the
/// host's working set and open handles every 5 s. After the warm-up (<c>--warmup</c>, default 60 s),
/// the first and the last tenth of the samples (at least 30 s each) are compared. Gates: working set
/// growth ≤ 10 % (means of the two windows), no growth in open handles (the last window's mean no
/// higher than the first window's highest sample), and the load gates.
/// </summary>
internal static class SoakBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var settings = OperatingSettings.Parse(args);
        Console.WriteLine($"soak: {settings.Visitors} visitors for {settings.Duration.TotalMinutes:0.#} min (warm-up {settings.Warmup.TotalSeconds:F0} s){(settings.Duration < TimeSpan.FromMinutes(10) ? " — SHORTER than the 10 minutes asked" : string.Empty)}; machine {MachineLoad.Describe()}");
        await using var rose = await RoseUnderLoad.StartAsync(settings.WithLlm);
        await LoadBenchmark.WarmUpAsync(rose, settings);
        using var load = new VisitorLoad(rose.Address, rose.PublicKey, settings);
        HostSampler sampler;
        await using (sampler = new HostSampler(rose, load.Clock, TimeSpan.FromSeconds(5), () => load.InFlight))
        {
            await load.RunAsync(settings.Duration);
        }

        var seconds = load.Clock.Elapsed.TotalSeconds;
        var requests = load.Requests.ToList();
        var figures = LoadFigures.Of(requests, 0, seconds + 1);
        figures.Print(Console.Out, "soak");
        var check = await NothingLostCheck.RunAsync(rose, load, TimeSpan.FromSeconds(90));
        Console.WriteLine();
        check.Print(Console.Out);

        var measured = sampler.Resources.Where(r => r.At >= settings.Warmup.TotalSeconds).ToList();
        var window = Math.Max(30, (seconds - settings.Warmup.TotalSeconds) / 10);
        var first = measured.Where(r => r.At < settings.Warmup.TotalSeconds + window).ToList();
        var last = measured.Where(r => r.At >= seconds - window).ToList();
        Console.WriteLine();
        Console.WriteLine($"| {"host resources",-58} | {"measured",22} |");
        Console.WriteLine($"|{new string('-', 60)}|{new string('-', 24)}|");
        foreach (var sample in sampler.Resources.Where((_, i) => i % Math.Max(1, sampler.Resources.Count / 12) == 0))
        {
            Console.WriteLine($"| {"at " + sample.At.ToString("F0", CultureInfo.InvariantCulture) + " s: working set, open handles",-58} | {sample.WorkingSetMb.ToString("F1", CultureInfo.InvariantCulture) + " MB, " + sample.Handles,22} |");
        }

        var gates = new GateTable();
        LoadBenchmark.AddLoadGates(gates, settings, requests, figures, check);
        if (first.Count == 0 || last.Count == 0)
        {
            gates.Add("memory and handles sampled after warm-up", $"{measured.Count} samples", "both windows", false);
        }
        else
        {
            var memoryFirst = first.Average(r => r.WorkingSetMb);
            var memoryLast = last.Average(r => r.WorkingSetMb);
            var growth = (memoryLast - memoryFirst) / memoryFirst * 100;
            gates.Add($"working set growth after warm-up ({window:F0} s windows)", string.Create(CultureInfo.InvariantCulture, $"{memoryFirst:F1} → {memoryLast:F1} MB ({growth:+0.0;-0.0} %)"), "≤ 10 %", growth <= 10);
            var handlesFirst = first.Max(r => r.Handles);
            var handlesLast = last.Average(r => r.Handles);
            gates.Add("open handles growth", string.Create(CultureInfo.InvariantCulture, $"first window max {handlesFirst}, last window mean {handlesLast:F1}"), "no growth", handlesLast <= handlesFirst);
        }

        gates.Add("soak length", $"{(seconds / 60).ToString("F1", CultureInfo.InvariantCulture)} min", "10 min", seconds >= 600 - 1);
        Console.WriteLine();
        Console.WriteLine($"gates (machine {MachineLoad.Describe()}):");
        gates.Print(Console.Out);
        var chart = Path.Combine(settings.OutputFolder, "soak.svg");
        LoadChartSvg.Write(chart, $"Rose soak: {settings.Visitors} visitors, {seconds / 60:F1} min, load average {MachineLoad.Now()}", requests, seconds, resources: sampler.Resources);
        Console.WriteLine($"chart: {chart}");
        return gates.AllPassed ? 0 : 1;
    }
}
