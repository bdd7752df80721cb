using System.Globalization;

namespace Rose.Benchmarks;

/// <summary>The figures of a stretch of a load run: requests and their outcomes, TTFT percentiles, throughput.</summary>
internal sealed class LoadFigures
{
    private LoadFigures(IReadOnlyList<VisitorRequest> requests, double seconds)
    {
        Requests = requests;
        Seconds = seconds;
        var turns = requests.Where(r => r.Kind == "message").ToList();
        Answered = turns.Where(r => r.Outcome == VisitorRequestOutcome.Answered).ToList();
        Ttft = Answered.Where(r => !r.ByLlm).Select(r => r.TtftMs!.Value).ToList();
        LlmTtft = Answered.Where(r => r.ByLlm).Select(r => r.TtftMs!.Value).ToList();
    }

    public IReadOnlyList<VisitorRequest> Requests { get; }

    public double Seconds { get; }

    public IReadOnlyList<VisitorRequest> Answered { get; }

    /// <summary>TTFT of the turns the offline composer answered.</summary>
    public IReadOnlyList<double> Ttft { get; }

    /// <summary>TTFT of the turns the LLM stub answered.</summary>
    public IReadOnlyList<double> LlmTtft { get; }

    public int Errors => Requests.Count(r => r.IsError);

    public int IntendedRefusals => Requests.Count(r => r.IntendedRefusal);

    public double TurnsPerSecond => Answered.Count / Math.Max(0.001, Seconds);

    public static LoadFigures Of(IEnumerable<VisitorRequest> requests, double fromSeconds, double toSeconds) =>
        new([.. requests.Where(r => r.AtSeconds >= fromSeconds && r.AtSeconds < toSeconds)], toSeconds - fromSeconds);

    /// <summary>"outcome (detail)" → count, errors and intended refusals only, most frequent first.</summary>
    public IEnumerable<(string Kind, int Count)> ErrorsByKind() =>
        Requests.Where(r => r.Outcome != VisitorRequestOutcome.Answered)
            .GroupBy(r => $"{r.Kind} {Name(r.Outcome)}{(r.IntendedRefusal ? " (intended)" : string.Empty)} [{r.Detail}]")
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(g => g.Item2);

    public void Print(TextWriter output, string title)
    {
        output.WriteLine();
        output.WriteLine($"{title}: {Seconds:F0} s, machine {MachineLoad.Describe()}");
        output.WriteLine($"| {"requests",-44} | {"count",8} |");
        output.WriteLine($"|{new string('-', 46)}|{new string('-', 10)}|");
        foreach (var kind in Requests.GroupBy(r => r.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"| {kind.Key + " (answered/accepted)",-44} | {kind.Count().ToString(CultureInfo.InvariantCulture) + " (" + kind.Count(r => r.Outcome == VisitorRequestOutcome.Answered) + ")",8} |");
        }

        foreach (var (kind, count) in ErrorsByKind())
        {
            output.WriteLine($"| {kind,-44} | {count,8} |");
        }

        output.WriteLine($"| {"errors (all but intended 429s)",-44} | {Errors,8} |");
        output.WriteLine();
        output.WriteLine($"| {"figure",-44} | {"measured",22} |");
        output.WriteLine($"|{new string('-', 46)}|{new string('-', 24)}|");
        Row(output, "turns answered per second", TurnsPerSecond.ToString("F1", CultureInfo.InvariantCulture));
        Row(output, "requests per second (all kinds)", (Requests.Count / Math.Max(0.001, Seconds)).ToString("F1", CultureInfo.InvariantCulture));
        Row(output, $"offline TTFT p50 / p95 / p99 ({Ttft.Count} turns)", Triple(Ttft));
        if (LlmTtft.Count > 0)
        {
            Row(output, $"LLM stub TTFT p50 / p95 / p99 ({LlmTtft.Count} turns)", Triple(LlmTtft));
        }

        var whole = Answered.Select(r => r.TotalMs).ToList();
        Row(output, "whole answer p50 / p95 / p99", Triple(whole));
    }

    public static string Triple(IReadOnlyCollection<double> samples) => samples.Count == 0
        ? "n/a"
        : string.Create(CultureInfo.InvariantCulture, $"{Percentiles.Of(samples, 50):F0} / {Percentiles.Of(samples, 95):F0} / {Percentiles.Of(samples, 99):F0} ms");

    public static string Name(VisitorRequestOutcome outcome) => outcome switch
    {
        VisitorRequestOutcome.Answered => "answered",
        VisitorRequestOutcome.ErrorEvent => "error event",
        VisitorRequestOutcome.RateLimited => "429 rate limit",
        VisitorRequestOutcome.StreamCapReached => "429 stream cap",
        VisitorRequestOutcome.HttpError => "http error",
        VisitorRequestOutcome.ConnectionFailed => "connection failed",
        VisitorRequestOutcome.TimedOut => "timed out (hang)",
        _ => "broken stream",
    };

    private static void Row(TextWriter output, string figure, string value) => output.WriteLine($"| {figure,-44} | {value,22} |");
}
