namespace Rose.Platform.Bindings;

/// <summary>
/// A scheduled job. Register with <c>AddRoseCronJob&lt;TJob&gt;(CronJobs.X)</c>: on Dapr a
/// <c>bindings.cron</c> component POSTs to the route named after the job; on the embedded runtime an
/// in-process scheduler calls the same job on the same schedule.
/// </summary>
public interface ICronJob
{
    Task RunAsync(CancellationToken cancellationToken);
}
