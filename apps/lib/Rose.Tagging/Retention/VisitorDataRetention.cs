using Microsoft.EntityFrameworkCore;
using Rose.Chat.Data;
using Rose.Tagging.Data;

namespace Rose.Tagging.Retention;

/// <summary>
/// Removes, in the current tenant, the visitor data older than a cutoff: conversations whose last
/// activity is before it with their messages and leads, their tags, score factors, scores and company
/// identifications, qualifications, and leads left without a conversation. Tagging rows go before the
/// conversations (as in <see cref="VisitorErasure"/>), so a purge interrupted half-way is finished by the
/// next run. Unlike an erasure it tells no CRM: the client's own CRM keeps what it received.
/// </summary>
public sealed class VisitorDataRetention(ChatDbContext chat, TaggingDbContext db)
{
    private const int Batch = 500;

    public async Task<RetentionReport> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        int conversations = 0, messages = 0, leads = 0, tagged = 0;
        while (true)
        {
            var old = await chat.Conversations.AsNoTracking().Where(c => c.LastActivityAt < cutoff).OrderBy(c => c.Id).Select(c => c.Id).Take(Batch).ToListAsync(cancellationToken);
            if (old.Count == 0)
            {
                break;
            }

            tagged += await PurgeTaggingAsync(old, cancellationToken);
            messages += await chat.Messages.Where(m => old.Contains(m.ConversationId)).ExecuteDeleteAsync(cancellationToken);
            leads += await chat.Leads.Where(l => l.ConversationId != null && old.Contains(l.ConversationId)).ExecuteDeleteAsync(cancellationToken);
            conversations += await chat.Conversations.Where(c => old.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        // Rows whose conversation is already gone (an erasure or purge interrupted, a lead left from a page without chat).
        var orphans = await db.Conversations.AsNoTracking().Where(c => c.LastActivityAt < cutoff).Select(c => c.ConversationId).ToListAsync(cancellationToken);
        tagged += await PurgeTaggingAsync(orphans, cancellationToken);
        await db.Qualifications.Where(q => q.QualifiedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        leads += await chat.Leads.Where(l => l.ConversationId == null && l.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        return new RetentionReport(conversations, messages, leads, tagged);
    }

    private async Task<int> PurgeTaggingAsync(List<string> conversationIds, CancellationToken cancellationToken)
    {
        if (conversationIds.Count == 0)
        {
            return 0;
        }

        await db.Tags.Where(t => conversationIds.Contains(t.ConversationId)).ExecuteDeleteAsync(cancellationToken);
        await db.Factors.Where(f => conversationIds.Contains(f.ConversationId)).ExecuteDeleteAsync(cancellationToken);
        await db.Qualifications.Where(q => conversationIds.Contains(q.ConversationId)).ExecuteDeleteAsync(cancellationToken);
        return await db.Conversations.Where(c => conversationIds.Contains(c.ConversationId)).ExecuteDeleteAsync(cancellationToken);
    }
}
