using Microsoft.EntityFrameworkCore;
using Rose.Chat.Data;
using Rose.Chat.Events;
using Rose.Platform.PubSub;
using Rose.Storage;

namespace Rose.Crm.Webhooks.EventHandling;

/// <summary><c>lead.captured</c> → the tenant's webhooks. Data: <c>{leadId, email, name, company, conversationId, createdAt}</c>, read from the tenant's records.</summary>
public sealed class LeadCapturedWebhooks(WebhookRelay relay, ChatDbContext chat, ICurrentTenant currentTenant) : IIntegrationEventHandler<LeadCaptured>
{
    public async Task HandleAsync(LeadCaptured e, CancellationToken cancellationToken)
    {
        Lead? lead;
        using (currentTenant.Use(e.TenantId))
        {
            lead = await chat.Leads.AsNoTracking().SingleOrDefaultAsync(l => l.Id == e.LeadId, cancellationToken);
        }

        if (lead is null)
        {
            // Erased before it could be sent: nothing to tell anyone.
            return;
        }

        await relay.RelayAsync(e.TenantId, e.Id, WebhookEvents.LeadCaptured, e.CreatedAt, new
        {
            leadId = TenantIds.Compose(e.TenantId, lead.Id),
            email = lead.Email,
            name = lead.Name,
            company = lead.Company,
            conversationId = lead.ConversationId is { } c ? TenantIds.Compose(e.TenantId, c) : null,
            createdAt = lead.CreatedAt,
        }, cancellationToken);
    }
}
