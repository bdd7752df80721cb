using Rose.Platform;

namespace Rose.Worker;

public static class WorkerServiceCollectionExtensions
{
    /// <summary>What the worker runs: its scheduled jobs, its event handlers and the workflows it hosts.</summary>
    public static IServiceCollection AddWorkerServices(this IServiceCollection services, IConfiguration configuration)
    {
        // The worker hosts every workflow (and so runs the workflow-purge job that comes with them):
        // add each Workflow<,> and WorkflowActivity<,> here, in this one call.
        services.AddRoseWorkflows(configuration, workflows => { });
        return services;
    }
}
