using Dapr.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rose.Crm.HubSpot.Sync;
using Rose.Storage;

namespace Rose.Workflows.Activities;

/// <summary>One page (100) of a HubSpot full sync, in a scope of the run's tenant; true when the run is over.</summary>
public sealed class SyncHubSpotPageActivity(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime) : WorkflowActivity<HubSpotSyncRunRef, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, HubSpotSyncRunRef input)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(input.TenantId);
        return await scope.ServiceProvider.GetRequiredService<HubSpotInbound>().SyncPageAsync(input.RunId, lifetime.ApplicationStopping);
    }
}
