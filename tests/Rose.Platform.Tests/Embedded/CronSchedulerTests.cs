using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rose.Platform.Bindings;
using Rose.Platform.Tests.Support;
using Xunit;

namespace Rose.Platform.Tests.Embedded;

public sealed class CronSchedulerTests : IDisposable
{
    private readonly TempDataFolder folder = new();
    private readonly CallLog log = new();

    [Fact]
    public async Task Registered_job_runs_on_its_schedule_and_keeps_running_after_a_failure()
    {
        var everySecond = new CronJobDefinition("test-every-second", "* * * * * *", AppIds.Worker);
        using var host = await EmbeddedPlatformHost.StartAsync(folder.Path, (services, _) =>
        {
            services.AddSingleton(log);
            services.AddRoseCronJob<FlakyJob>(everySecond);
        });

        // The first run throws; the scheduler must still run the job again.
        await log.WhenCalled(nameof(FlakyJob), 2);
        await host.StopAsync();
    }

    public void Dispose() => folder.Dispose();

    private sealed class FlakyJob(CallLog log) : ICronJob
    {
        public Task RunAsync(CancellationToken cancellationToken)
        {
            log.Record(nameof(FlakyJob));
            return log.Count(nameof(FlakyJob)) == 1 ? throw new InvalidOperationException("first run fails") : Task.CompletedTask;
        }
    }
}
