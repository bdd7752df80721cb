using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rose.Geo.Runs;
using Rose.Platform.Workflows;
using Rose.Workflows.Activities;
using Rose.Workflows.Adapters;
using Rose.Workflows.Workflows;

namespace Rose.Workflows;

public static class GeoPublishingRegistration
{
    /// <summary>Adds <see cref="GeoPublishingWorkflow"/> and its activities to an app's workflows (inside <c>AddRoseWorkflows</c>).</summary>
    public static WorkflowRegistrations AddGeoPublishing(this WorkflowRegistrations registrations) =>
        registrations
            .AddWorkflow<GeoPublishingWorkflow>()
            .AddActivity<CollectGeoQuestionsActivity>()
            .AddActivity<ClusterGeoQuestionsActivity>()
            .AddActivity<DraftGeoAnswersActivity>()
            .AddActivity<AwaitGeoReviewActivity>()
            .AddActivity<ApplyGeoReviewActivity>()
            .AddActivity<PrepareGeoPublicationActivity>()
            .AddActivity<PublishGeoSiteActivity>()
            .AddActivity<RecordGeoPublicationActivity>()
            .AddActivity<CompleteGeoRunActivity>()
            .AddActivity<FailGeoRunActivity>();

    /// <summary>
    /// Starts GEO runs through <see cref="GeoPublishingWorkflow"/> instances, through the app's
    /// <see cref="IWorkflowScheduler"/>: in process where the app hosts the workflow (worker,
    /// standalone), through the worker's workflow API elsewhere on Dapr (backoffice, admin).
    /// </summary>
    public static IServiceCollection AddRoseGeoWorkflows(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<IGeoRunScheduler, WorkflowGeoRunScheduler>());
        return services;
    }
}
