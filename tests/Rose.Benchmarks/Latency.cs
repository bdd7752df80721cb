using System.Diagnostics;

namespace Rose.Benchmarks;

/// <summary>Percentiles of measured durations, in milliseconds.</summary>
internal static class Latency
{
    public static (double P50, double P99) Measure(int runs, Action<int> action)
    {
        var samples = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action(i);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(samples);
        return (samples[(int)(runs * 0.50)], samples[Math.Min(runs - 1, (int)Math.Ceiling(runs * 0.99) - 1)]);
    }
}
