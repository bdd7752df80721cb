using System.Diagnostics;

namespace Rose.Benchmarks;

/// <summary>
/// Samples the host while a load runs, on the load's clock: its working set and open handles (from
/// /proc), readiness (<c>/health</c> status, 2-second probe) and the turns in flight.
/// </summary>
internal sealed class HostSampler : IAsyncDisposable
{
    private readonly RoseUnderLoad rose;
    private readonly Stopwatch clock;
    private readonly TimeSpan interval;
    private readonly CancellationTokenSource stop = new();
    private readonly HttpClient health;
    private readonly Task sampling;
    private readonly Func<int> inFlight;

    public HostSampler(RoseUnderLoad rose, Stopwatch clock, TimeSpan interval, Func<int> inFlight)
    {
        this.rose = rose;
        this.clock = clock;
        this.interval = interval;
        this.inFlight = inFlight;
        health = new HttpClient { BaseAddress = rose.Address, Timeout = TimeSpan.FromSeconds(2) };
        sampling = Task.Run(SampleAsync);
    }

    public List<(double At, double WorkingSetMb, int Handles)> Resources { get; } = [];

    /// <summary>When <c>/health</c> changed: seconds on the load's clock and what it answered (200, 503, or none).</summary>
    public List<(double At, string Status)> HealthChanges { get; } = [];

    public int PeakInFlight { get; private set; }

    private async Task SampleAsync()
    {
        string? last = null;
        while (!stop.IsCancellationRequested)
        {
            var at = clock.Elapsed.TotalSeconds;
            try
            {
                var (workingSet, handles) = rose.Resources();
                lock (Resources)
                {
                    Resources.Add((at, workingSet / 1024.0 / 1024.0, handles));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // The host is between a kill and its restart.
            }

            string status;
            try
            {
                using var response = await health.GetAsync(new Uri(rose.Address, "/health"), stop.Token);
                status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                status = stop.IsCancellationRequested ? last ?? "none" : "none";
            }

            if (status != last)
            {
                lock (HealthChanges)
                {
                    HealthChanges.Add((at, status));
                }

                last = status;
            }

            PeakInFlight = Math.Max(PeakInFlight, inFlight());
            try
            {
                await Task.Delay(interval, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling;
        health.Dispose();
        stop.Dispose();
    }
}
