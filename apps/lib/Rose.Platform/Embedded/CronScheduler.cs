using Cronos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rose.Platform.Bindings;

namespace Rose.Platform.Embedded;

/// <summary>
/// The embedded stand-in for Dapr's cron bindings: runs each registered job on its schedule, in
/// its own scope, one run at a time per job. A failing run is logged; the next one comes as planned.
/// </summary>
public sealed class CronScheduler(
    IEnumerable<CronJobRegistration> jobs,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<CronScheduler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(jobs.Select(job => RunOnScheduleAsync(job, stoppingToken)));

    private async Task RunOnScheduleAsync(CronJobRegistration job, CancellationToken stoppingToken)
    {
        var expression = CronExpression.Parse(job.Definition.Schedule, CronFormat.IncludeSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = expression.GetNextOccurrence(time.GetUtcNow(), TimeZoneInfo.Utc);
            if (next is null)
            {
                return;
            }

            try
            {
                await Delays.UntilAsync(next.Value, time, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await ((ICronJob)scope.ServiceProvider.GetRequiredService(job.JobType)).RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Cron job {Job} failed; it runs again at its next occurrence.", job.Definition.Name);
            }
        }
    }
}
