namespace Rose.Benchmarks;

/// <summary>Nearest-rank percentiles (the value at or under which <c>p</c> % of the samples lie).</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyCollection<double> samples, double percentile)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = samples.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(sorted.Length * percentile / 100.0) - 1, 0, sorted.Length - 1)];
    }
}
