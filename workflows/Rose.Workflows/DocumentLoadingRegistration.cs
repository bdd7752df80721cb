using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rose.Knowledge.Events;
using Rose.Knowledge.Ingestion;
using Rose.Platform;
using Rose.Platform.Workflows;
using Rose.Workflows.Activities;
using Rose.Workflows.Adapters;
using Rose.Workflows.Workflows;
using PlatformKnowledgeUpdated = Rose.Platform.PubSub.Events.KnowledgeUpdated;

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
            .AddActivity<PublishKnowledgeUpdatedActivity>()
            .AddActivity<CompleteUnchangedDocumentActivity>()
            .AddActivity<MarkDocumentFailedActivity>();

    /// <summary>
    /// Switches knowledge loading from the in-process loader to <see cref="DocumentLoadingWorkflow"/>
    /// instances and publishes <c>knowledge.updated</c> through Rose.Platform's pub/sub (also
    /// subscribing this process's index cache to it). Call after <c>AddRoseKnowledge</c> and
    /// <c>AddRosePlatform</c>, in an app that also hosts the workflow (<see cref="AddDocumentLoading"/>).
    /// </summary>
    public static IServiceCollection AddRoseKnowledgeWorkflows(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<IDocumentLoadingScheduler, WorkflowDocumentLoadingScheduler>());
        services.Replace(ServiceDescriptor.Singleton<IKnowledgeEventPublisher, PlatformKnowledgeEventPublisher>());
        services.AddRoseEventHandler<PlatformKnowledgeUpdated, KnowledgeUpdatedHandler>();
        return services;
    }
}
