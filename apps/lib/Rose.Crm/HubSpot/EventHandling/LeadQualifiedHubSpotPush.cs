using Rose.Crm.HubSpot.Data;
using Rose.Crm.HubSpot.Sync;
using Rose.Platform.PubSub;
using Rose.Storage;
using Rose.Tagging.Events;

namespace Rose.Crm.HubSpot.EventHandling;

/// <summary>A visitor became a hot lead: the contact, its score and a note go to the tenant's HubSpot portal (when connected and the visitor left an e-mail).</summary>
public sealed class LeadQualifiedHubSpotPush(HubSpotContactSync sync, ICurrentTenant currentTenant) : IIntegrationEventHandler<LeadQualified>
{
    public async Task HandleAsync(LeadQualified integrationEvent, CancellationToken cancellationToken)
    {
        using (currentTenant.Use(integrationEvent.TenantId))
        {
            await sync.PushAsync(HubSpotPushKind.LeadQualified, integrationEvent.ConversationId, cancellationToken);
        }
    }
}
