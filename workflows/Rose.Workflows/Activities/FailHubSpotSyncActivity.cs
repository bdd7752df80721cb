using Dapr.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rose.Storage;
using Rose.Workflows.Models;

namespace Rose.Workflows.Activities;

/// <summary>Marks a HubSpot full sync failed with the reason, for the backoffice to show.</summary>
public sealed class FailHubSpotSyncActivity(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime) : WorkflowActivity<HubSpotSyncFailure, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, HubSpotSyncFailure input)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(input.Run.TenantId);
        await scope.ServiceProvider.GetRequiredService<Crm.HubSpot.Sync.HubSpotInbound>().FailAsync(input.Run.RunId, input.Reason, lifetime.ApplicationStopping);
        return true;
    }
}
