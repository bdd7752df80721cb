namespace Rose.Benchmarks;

/// <summary>Gates of a run, printed as a table; the run exits 1 when one failed.</summary>
internal sealed class GateTable
{
    private readonly List<(string Gate, string Measured, string Target, bool Passed)> rows = [];

    public bool AllPassed => rows.All(r => r.Passed);

    public void Add(string gate, string measured, string target, bool passed) => rows.Add((gate, measured, target, passed));

    public void Print(TextWriter output)
    {
        var width = Math.Max(30, rows.Max(r => r.Gate.Length));
        var measured = Math.Max(10, rows.Max(r => r.Measured.Length));
        var target = Math.Max(8, rows.Max(r => r.Target.Length));
        output.WriteLine($"| {"gate".PadRight(width)} | {"measured".PadRight(measured)} | {"target".PadRight(target)} | result |");
        output.WriteLine($"|{new string('-', width + 2)}|{new string('-', measured + 2)}|{new string('-', target + 2)}|--------|");
        foreach (var (gate, value, goal, passed) in rows)
        {
            output.WriteLine($"| {gate.PadRight(width)} | {value.PadRight(measured)} | {goal.PadRight(target)} | {(passed ? "pass" : "FAIL"),-6} |");
        }
    }
}
