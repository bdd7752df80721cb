using Rose.Chat.Events;
using Rose.Crm.HubSpot.Data;
using Rose.Crm.HubSpot.Sync;
using Rose.Platform.PubSub;
using Rose.Storage;

namespace Rose.Crm.HubSpot.EventHandling;

/// <summary>A visitor left an e-mail: the contact goes to the tenant's HubSpot portal (when connected). A HubSpot failure is recorded for a replay, not retried by redelivery.</summary>
public sealed class LeadCapturedHubSpotPush(HubSpotContactSync sync, ICurrentTenant currentTenant) : IIntegrationEventHandler<LeadCaptured>
{
    public async Task HandleAsync(LeadCaptured integrationEvent, CancellationToken cancellationToken)
    {
        using (currentTenant.Use(integrationEvent.TenantId))
        {
            await sync.PushAsync(HubSpotPushKind.LeadCaptured, integrationEvent.LeadId, cancellationToken);
        }
    }
}
