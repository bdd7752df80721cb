using Rose.Platform;
using Rose.Platform.Bindings;
using Rose.Platform.Workflows;

namespace Rose.Worker;

public static class WorkerServiceCollectionExtensions
{
    /// <summary>What the worker runs: its scheduled jobs, its event handlers and the workflows it hosts.</summary>
    public static IServiceCollection AddWorkerServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRoseCronJob<WorkflowPurgeJob>(CronJobs.WorkflowPurge);
        // The worker hosts every workflow: add each Workflow<,> and WorkflowActivity<,> here, in this one call.
        services.AddRoseWorkflows(configuration, workflows => { });
        return services;
    }
}
