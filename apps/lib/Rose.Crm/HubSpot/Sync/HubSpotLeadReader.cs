using Microsoft.EntityFrameworkCore;
using Rose.Chat.Data;
using Rose.Enrichment.Identification;
using Rose.Tagging;

namespace Rose.Crm.HubSpot.Sync;

/// <summary>Reads a lead of the current tenant from Rose's own records: the address, the conversation's first question, its tagging and score.</summary>
public sealed class HubSpotLeadReader(ChatDbContext chat, LeadReports leads, ConversationTagger tagger)
{
    /// <summary>The lead behind an e-mail left in the widget; null when it was erased meanwhile.</summary>
    public async Task<HubSpotLead?> FromCapturedAsync(string leadId, CancellationToken cancellationToken)
    {
        var lead = await chat.Leads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == leadId, cancellationToken);
        if (lead is null)
        {
            return null;
        }

        if (lead.ConversationId is { } conversationId)
        {
            // A score for the CRM now, not when the conversation goes idle: tagging is idempotent, and the
            // end-of-conversation tagging will find it done unless more messages came.
            await tagger.TagAsync(conversationId, TaggingMode.IfChanged, cancellationToken);
        }

        return await ComposeAsync(lead.Email, lead.Name, lead.Company, lead.ConversationId, cancellationToken);
    }

    /// <summary>The hot lead of a conversation: the latest address left in it, else in the visitor's other conversations; null without one.</summary>
    public async Task<HubSpotLead?> FromQualifiedAsync(string conversationId, CancellationToken cancellationToken)
    {
        var conversation = await chat.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
        {
            return null;
        }

        var conversations = conversation.VisitorId is { } visitorId
            ? await chat.Conversations.AsNoTracking().Where(c => c.VisitorId == visitorId).Select(c => c.Id).ToListAsync(cancellationToken)
            : [conversationId];
        // Ordered in memory: SQLite cannot order DateTimeOffset.
        var lead = (await chat.Leads.AsNoTracking().Where(l => l.ConversationId != null && conversations.Contains(l.ConversationId)).ToListAsync(cancellationToken))
            .OrderByDescending(l => l.ConversationId == conversationId)
            .ThenByDescending(l => l.CreatedAt)
            .FirstOrDefault();
        return lead is null ? null : await ComposeAsync(lead.Email, lead.Name, lead.Company, conversationId, cancellationToken);
    }

    private async Task<HubSpotLead> ComposeAsync(string email, string? name, string? company, string? conversationId, CancellationToken cancellationToken)
    {
        var view = conversationId is null ? null : await leads.FindAsync(conversationId, cancellationToken);
        var firstQuestion = conversationId is null
            ? null
            : await chat.Messages.AsNoTracking()
                .Where(m => m.ConversationId == conversationId && m.Role == ConversationMessage.VisitorRole)
                .OrderBy(m => m.Sequence)
                .Select(m => m.Text)
                .FirstOrDefaultAsync(cancellationToken);
        var byEmail = EmailDomainCompanies.Identify(email);
        return new HubSpotLead(
            email.Trim().ToLowerInvariant(),
            name,
            conversationId,
            firstQuestion,
            view?.Score.Value,
            view?.Intent,
            view?.Stage,
            view?.Score.Factors ?? [],
            view?.Company?.Domain ?? byEmail?.Domain,
            company ?? view?.Company?.Name ?? byEmail?.Name);
    }
}
