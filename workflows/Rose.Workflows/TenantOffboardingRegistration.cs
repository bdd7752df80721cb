using Rose.Platform.Workflows;
using Rose.Workflows.Activities;
using Rose.Workflows.Workflows;

namespace Rose.Workflows;

public static class TenantOffboardingRegistration
{
    /// <summary>Adds <see cref="TenantOffboardingWorkflow"/> and its activities to an app's workflows (inside <c>AddRoseWorkflows</c>).</summary>
    public static WorkflowRegistrations AddTenantOffboarding(this WorkflowRegistrations registrations) =>
        registrations
            .AddWorkflow<TenantOffboardingWorkflow>()
            .AddActivity<PlanTenantErasureActivity>()
            .AddActivity<EraseTenantDataActivity>();
}
