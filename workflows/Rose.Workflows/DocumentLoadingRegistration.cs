using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rose.Knowledge.Ingestion;
using Rose.Platform;
using Rose.Platform.Workflows;
using Rose.Workflows.Activities;
using Rose.Workflows.Adapters;
using Rose.Workflows.Workflows;

namespace Rose.Workflows;

public static class DocumentLoadingRegistration
{
    /// <summary>Adds <see cref="DocumentLoadingWorkflow"/> and its activities to an app's workflows (inside <c>AddRoseWorkflows</c>).</summary>
    public static WorkflowRegistrations AddDocumentLoading(this WorkflowRegistrations registrations) =>
        registrations
            .AddWorkflow<DocumentLoadingWorkflow>()
            .AddActivity<FetchAndParseDocumentActivity>()
            .AddActivity<ChunkDocumentActivity>()
            .AddActivity<EmbedChunksActivity>()
            .AddActivity<IndexChunksActivity>()
            .AddActivity<CompleteUnchangedDocumentActivity>()
            .AddActivity<MarkDocumentFailedActivity>();

    /// <summary>
    /// Loads the knowledge base's documents through <see cref="DocumentLoadingWorkflow"/> instances,
    /// started through the app's <see cref="IWorkflowScheduler"/>: in process where the app hosts the
    /// workflow (worker, standalone), through the worker's workflow API elsewhere on Dapr.
    /// </summary>
    public static IServiceCollection AddRoseKnowledgeWorkflows(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<IDocumentLoadingScheduler, WorkflowDocumentLoadingScheduler>());
        return services;
    }
}
