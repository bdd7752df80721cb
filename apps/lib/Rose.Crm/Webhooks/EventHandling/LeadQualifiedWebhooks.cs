using Microsoft.EntityFrameworkCore;
using Rose.Chat.Data;
using Rose.Platform.PubSub;
using Rose.Storage;
using Rose.Tagging.Events;

namespace Rose.Crm.Webhooks.EventHandling;

/// <summary><c>lead.qualified</c> → the tenant's webhooks. Data: <c>{conversationId, visitorKey, score, companyDomain, email}</c> (the e-mail the visitor left in that conversation, if any).</summary>
public sealed class LeadQualifiedWebhooks(WebhookRelay relay, ChatDbContext chat, ICurrentTenant currentTenant) : IIntegrationEventHandler<LeadQualified>
{
    public async Task HandleAsync(LeadQualified e, CancellationToken cancellationToken)
    {
        string? email;
        using (currentTenant.Use(e.TenantId))
        {
            email = (await chat.Leads.AsNoTracking().Where(l => l.ConversationId == e.ConversationId).Select(l => new { l.Email, l.CreatedAt }).ToListAsync(cancellationToken))
                .OrderByDescending(l => l.CreatedAt).Select(l => l.Email).FirstOrDefault();
        }

        await relay.RelayAsync(e.TenantId, e.Id, WebhookEvents.LeadQualified, e.CreatedAt, new
        {
            conversationId = TenantIds.Compose(e.TenantId, e.ConversationId),
            visitorKey = e.VisitorKey,
            score = e.Score,
            companyDomain = e.CompanyDomain,
            email,
        }, cancellationToken);
    }
}
