using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rose.Platform.Bindings;

namespace Rose.Platform.Workflows;

/// <summary>
/// The <see cref="CronJobs.WorkflowPurge"/> job: finished workflow instances (document loads, GEO
/// publications) are kept for <see cref="PlatformOptions.WorkflowRetention"/> so staff can see what
/// happened, then deleted so the workflow store does not grow forever.
/// </summary>
public sealed class WorkflowPurgeJob(IWorkflowScheduler workflows, IOptions<PlatformOptions> options, TimeProvider time, ILogger<WorkflowPurgeJob> logger) : ICronJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var purged = await workflows.PurgeFinishedAsync(time.GetUtcNow() - options.Value.WorkflowRetention, cancellationToken);
        logger.LogInformation("Purged {Count} finished workflow instances older than {Retention}.", purged, options.Value.WorkflowRetention);
    }
}
