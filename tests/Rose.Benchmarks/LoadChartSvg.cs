using System.Globalization;
using System.Text;

namespace Rose.Benchmarks;

/// <summary>
/// An SVG chart of a run over time, written by hand: TTFT p50/p95 per 5-second bucket (top), turns
/// answered and errors per second (middle), and, when sampled, the host's working set and open
/// handles (bottom); shaded bands mark the faults.
/// </summary>
internal static class LoadChartSvg
{
    private const int Width = 1000;
    private const int PanelHeight = 220;
    private const int Left = 70;
    private const int Right = 70;
    private const double Bucket = 5;

    public static void Write(
        string path, string title, IReadOnlyCollection<VisitorRequest> requests, double seconds,
        IReadOnlyList<(double From, double To, string Label)>? bands = null,
        IReadOnlyList<(double At, double WorkingSetMb, int Handles)>? resources = null)
    {
        var panels = resources is { Count: > 0 } ? 3 : 2;
        var height = 60 + (panels * (PanelHeight + 40));
        var buckets = (int)Math.Ceiling(seconds / Bucket);
        var series = Enumerable.Range(0, buckets).Select(b =>
        {
            var inBucket = requests.Where(r => r.AtSeconds >= b * Bucket && r.AtSeconds < (b + 1) * Bucket).ToList();
            var ttft = inBucket.Where(r => r.Kind == "message" && r.Outcome == VisitorRequestOutcome.Answered).Select(r => r.TtftMs!.Value).ToList();
            return (At: (b + 0.5) * Bucket, P50: Percentiles.Of(ttft, 50), P95: Percentiles.Of(ttft, 95),
                Turns: ttft.Count / Bucket, Errors: inBucket.Count(r => r.IsError) / Bucket);
        }).ToList();

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{height}" viewBox="0 0 {Width} {height}" font-family="sans-serif" font-size="12">""").AppendLine();
        svg.AppendLine("""<rect width="100%" height="100%" fill="white"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Left}" y="24" font-size="15" font-weight="bold">{Escape(title)}</text>""").AppendLine();

        var top = 50;
        var latencyMax = NiceMax(series.Select(s => s.P95).Where(double.IsFinite).DefaultIfEmpty(1).Max());
        Panel(svg, top, seconds, latencyMax, "TTFT (ms)", bands);
        Line(svg, top, seconds, latencyMax, series.Select(s => (s.At, s.P50)), "#1f77b4", "p50");
        Line(svg, top, seconds, latencyMax, series.Select(s => (s.At, s.P95)), "#ff7f0e", "p95");
        Legend(svg, top, [("#1f77b4", "TTFT p50"), ("#ff7f0e", "TTFT p95")]);

        top += PanelHeight + 40;
        var rateMax = NiceMax(series.Select(s => Math.Max(s.Turns, s.Errors)).DefaultIfEmpty(1).Max());
        Panel(svg, top, seconds, rateMax, "per second", bands);
        foreach (var s in series)
        {
            var x = X(s.At - (Bucket / 2), seconds);
            var w = X(s.At + (Bucket / 2), seconds) - x - 1;
            var h = s.Turns / rateMax * PanelHeight;
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{x:F1}" y="{top + PanelHeight - h:F1}" width="{Math.Max(1, w):F1}" height="{h:F1}" fill="#2ca02c" opacity="0.6"/>""").AppendLine();
        }

        Line(svg, top, seconds, rateMax, series.Select(s => (s.At, s.Errors)), "#d62728", "errors");
        Legend(svg, top, [("#2ca02c", "turns answered / s"), ("#d62728", "errors / s (not intended 429s)")]);

        if (resources is { Count: > 0 })
        {
            top += PanelHeight + 40;
            var memoryMax = NiceMax(resources.Max(r => r.WorkingSetMb));
            Panel(svg, top, seconds, memoryMax, "working set (MB)", bands);
            Line(svg, top, seconds, memoryMax, resources.Select(r => (r.At, r.WorkingSetMb)), "#9467bd", "memory");
            var handlesMax = NiceMax(resources.Max(r => r.Handles));
            Line(svg, top, seconds, handlesMax, resources.Select(r => (r.At, (double)r.Handles)), "#8c564b", "handles");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Width - Right + 6}" y="{top + 4}" fill="#8c564b">{handlesMax:F0}</text>""").AppendLine();
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Width - Right + 6}" y="{top + PanelHeight}" fill="#8c564b">0</text>""").AppendLine();
            Legend(svg, top, [("#9467bd", "working set (MB, left)"), ("#8c564b", "open handles (right)")]);
        }

        svg.AppendLine("</svg>");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, svg.ToString());
    }

    private static double X(double at, double seconds) => Left + (Math.Clamp(at, 0, seconds) / seconds * (Width - Left - Right));

    private static void Panel(StringBuilder svg, int top, double seconds, double max, string label, IReadOnlyList<(double From, double To, string Label)>? bands)
    {
        foreach (var (from, to, name) in bands ?? [])
        {
            var x = X(from, seconds);
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{x:F1}" y="{top}" width="{Math.Max(1, X(to, seconds) - x):F1}" height="{PanelHeight}" fill="#ffdd88" opacity="0.45"/>""").AppendLine();
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x + 2:F1}" y="{top + PanelHeight - 4}" font-size="10" fill="#7a5a00">{Escape(name)}</text>""").AppendLine();
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{Left}" y="{top}" width="{Width - Left - Right}" height="{PanelHeight}" fill="none" stroke="#888"/>""").AppendLine();
        for (var i = 0; i <= 4; i++)
        {
            var y = top + PanelHeight - (i * PanelHeight / 4.0);
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{Left}" x2="{Width - Right}" y1="{y:F1}" y2="{y:F1}" stroke="#eee"/><text x="{Left - 6}" y="{y + 4:F1}" text-anchor="end">{max * i / 4:0.#}</text>""").AppendLine();
        }

        var step = seconds > 600 ? 120 : seconds > 180 ? 30 : 10;
        for (var t = 0.0; t <= seconds; t += step)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{X(t, seconds):F1}" y="{top + PanelHeight + 14}" text-anchor="middle">{t:F0} s</text>""").AppendLine();
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<text x="14" y="{top + (PanelHeight / 2)}" transform="rotate(-90 14 {top + (PanelHeight / 2)})" text-anchor="middle">{Escape(label)}</text>""").AppendLine();
    }

    private static void Line(StringBuilder svg, int top, double seconds, double max, IEnumerable<(double At, double Value)> points, string colour, string name)
    {
        var drawn = points.Where(p => double.IsFinite(p.Value))
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.At, seconds):F1},{top + PanelHeight - (Math.Min(p.Value, max) / max * PanelHeight):F1}")).ToList();
        if (drawn.Count > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<polyline points="{string.Join(' ', drawn)}" fill="none" stroke="{colour}" stroke-width="2"><title>{name}</title></polyline>""").AppendLine();
        }
    }

    private static void Legend(StringBuilder svg, int top, (string Colour, string Label)[] entries)
    {
        var x = Left + 10;
        foreach (var (colour, label) in entries)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{x}" y="{top + 8}" width="12" height="12" fill="{colour}"/><text x="{x + 16}" y="{top + 18}">{Escape(label)}</text>""").AppendLine();
            x += 30 + (label.Length * 7);
        }
    }

    private static double NiceMax(double value)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(m => m >= value);
    }

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text);
}
