using Rose.Knowledge;
using Rose.Platform;
using Rose.Workflows;

namespace Rose.Worker;

public static class WorkerServiceCollectionExtensions
{
    /// <summary>
    /// What the worker runs: the workflows (document loading, with the knowledge module they work
    /// on) and, with them, the workflow-purge job. Register every workflow in the one
    /// <c>AddRoseWorkflows</c> call.
    /// </summary>
    public static IServiceCollection AddWorkerServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRoseKnowledge(configuration);
        services.AddRoseKnowledgeWorkflows();
        services.AddRoseWorkflows(configuration, workflows => workflows.AddDocumentLoading());
        return services;
    }
}
