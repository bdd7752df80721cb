using Rose.Geo;
using Rose.Geo.Site;
using Rose.Crm.Webhooks;
using Rose.Crm;
using Rose.Knowledge;
using Rose.Llm;
using Rose.Platform;
using Rose.Tagging;
using Rose.Workflows;

namespace Rose.Worker;

public static class WorkerServiceCollectionExtensions
{
    /// <summary>
    /// What the worker runs: the workflows (document loading, with the knowledge module they work
    /// on) and, with them, the workflow-purge job. Register every workflow in the one
    /// <c>AddRoseWorkflows</c> call. Rose.Llm gives document loading its configured embedding
    /// provider and the LLM that extracts the knowledge graph (offline defaults without configuration).
    /// Rose.Tagging tags and scores every conversation on <c>conversation.ended</c> and retags by cron.
    /// Rose.Geo's GEO publishing workflow runs here too: weekly by cron, on <c>knowledge.updated</c>
    /// for the pages citing the changed document, and when staff start it through the workflow API;
    /// it publishes through Rose.Geo's site publisher (blob binding + IndexNow).
    /// Rose.Crm's webhooks deliver the tenants' subscribed events and retry by cron.
    /// Rose.Crm pushes captured and qualified leads to the tenants' HubSpot portals, syncs their
    /// contacts back by cron, and runs the full sync on demand (<c>HubSpotFullSyncWorkflow</c>).
    /// Tenant off-boarding (<c>TenantOffboardingWorkflow</c>, started by admin) runs here, with the
    /// erasers of the modules above and, by service invocation, those of the other apps.
    /// </summary>
    public static IServiceCollection AddWorkerServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRoseLlm(configuration);
        services.AddRoseKnowledge(configuration);
        services.AddRoseKnowledgeWorkflows();
        services.AddRoseKnowledgeJobs();
        services.AddRoseGeoWorkflows();
        services.AddRoseWorkflows(configuration, workflows => workflows.AddDocumentLoading().AddGeoPublishing().AddHubSpotFullSync().AddTenantOffboarding());
        services.AddRoseTagging(configuration);
        services.AddRoseGeo(configuration);
        // The publish step renders and writes the site through the blob binding and pings IndexNow.
        services.AddRoseGeoSite(configuration);
        services.AddRoseWebhooks(configuration);
        services.AddRoseHubSpotSync(configuration);
        return services;
    }
}
