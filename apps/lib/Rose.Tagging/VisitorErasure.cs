using Microsoft.EntityFrameworkCore;
using Rose.Chat.Data;
using Rose.Tagging.Api;
using Rose.Tagging.Data;

namespace Rose.Tagging;

/// <summary>
/// Erases one visitor of the current tenant (GDPR): by the widget's visitor id, or by the e-mail they
/// left. Tags, factors, scores and qualifications go first, then the conversations, messages and
/// e-mails, so that an erasure interrupted half-way is finished by running it again; then the
/// <see cref="IVisitorErasureObserver"/>s (the CRM) hear which addresses went.
/// </summary>
public sealed class VisitorErasure(ChatDbContext chat, TaggingDbContext db, IEnumerable<IVisitorErasureObserver> observers)
{
    public async Task<ErasureReport> EraseVisitorAsync(string visitorId, CancellationToken cancellationToken)
    {
        var conversations = await chat.Conversations.Where(c => c.VisitorId == visitorId).Select(c => c.Id).ToListAsync(cancellationToken);
        var emails = await chat.Leads.Where(l => l.ConversationId != null && conversations.Contains(l.ConversationId)).Select(l => l.Email).Distinct().ToListAsync(cancellationToken);
        return await EraseAsync(conversations, [ConversationTagger.VisitorKey(string.Empty, visitorId, null), .. emails.Select(e => ConversationTagger.VisitorKey(string.Empty, null, e))], emails, cancellationToken);
    }

    public async Task<ErasureReport> EraseEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToLowerInvariant();
        // ToLower translates to SQL lower() on both providers; a StringComparison overload does not translate.
#pragma warning disable CA1862
        var leads = await chat.Leads.Where(l => l.Email.ToLower() == normalized).Select(l => new { l.Email, l.ConversationId }).ToListAsync(cancellationToken);
#pragma warning restore CA1862
        var conversations = leads.Where(l => l.ConversationId != null).Select(l => l.ConversationId!).Distinct().ToList();
        return await EraseAsync(conversations, [ConversationTagger.VisitorKey(string.Empty, null, normalized)], [.. leads.Select(l => l.Email).Distinct()], cancellationToken);
    }

    private async Task<ErasureReport> EraseAsync(IReadOnlyList<string> conversations, IReadOnlyList<string> visitorKeys, IReadOnlyList<string> emails, CancellationToken cancellationToken)
    {
        var tagged = await db.Conversations.Where(c => conversations.Contains(c.ConversationId) || visitorKeys.Contains(c.VisitorKey)).Select(c => c.ConversationId).ToListAsync(cancellationToken);
        await db.Tags.Where(t => tagged.Contains(t.ConversationId)).ExecuteDeleteAsync(cancellationToken);
        await db.Factors.Where(f => tagged.Contains(f.ConversationId)).ExecuteDeleteAsync(cancellationToken);
        await db.Qualifications.Where(q => visitorKeys.Contains(q.VisitorKey) || conversations.Contains(q.ConversationId)).ExecuteDeleteAsync(cancellationToken);
        var taggedCount = await db.Conversations.Where(c => tagged.Contains(c.ConversationId)).ExecuteDeleteAsync(cancellationToken);

        var messages = await chat.Messages.Where(m => conversations.Contains(m.ConversationId)).ExecuteDeleteAsync(cancellationToken);
        var leads = await chat.Leads.Where(l => emails.Contains(l.Email) || (l.ConversationId != null && conversations.Contains(l.ConversationId))).ExecuteDeleteAsync(cancellationToken);
        var deleted = await chat.Conversations.Where(c => conversations.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
        foreach (var observer in observers)
        {
            await observer.ErasedAsync(emails, cancellationToken);
        }

        return new ErasureReport(deleted, messages, leads, taggedCount);
    }
}
