namespace Rose.Benchmarks;

/// <summary>The machine's load average, printed beside every figure: the runs share 2 cores with other builds.</summary>
internal static class MachineLoad
{
    public static string Now() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static double OneMinute() =>
        File.Exists("/proc/loadavg") ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) : double.NaN;

    public static string Describe() => $"{Environment.ProcessorCount} cores, load average {Now()} (1, 5, 15 min)";
}
