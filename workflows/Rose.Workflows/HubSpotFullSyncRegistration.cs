using Rose.Platform.Workflows;
using Rose.Workflows.Activities;
using Rose.Workflows.Workflows;

namespace Rose.Workflows;

public static class HubSpotFullSyncRegistration
{
    /// <summary>Adds <see cref="HubSpotFullSyncWorkflow"/> and its activities to an app's workflows (inside <c>AddRoseWorkflows</c>).</summary>
    public static WorkflowRegistrations AddHubSpotFullSync(this WorkflowRegistrations registrations) =>
        registrations
            .AddWorkflow<HubSpotFullSyncWorkflow>()
            .AddActivity<SyncHubSpotPageActivity>()
            .AddActivity<FailHubSpotSyncActivity>();
}
