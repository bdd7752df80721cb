using Microsoft.EntityFrameworkCore;
using Rose.Chat.Data;
using Rose.Tagging.Api;
using Rose.Tagging.Data;
using Rose.Tagging.Scoring;

namespace Rose.Tagging;

/// <summary>
/// The current tenant's tagged conversations, hottest first, with what a sales team acts on: the
/// score's reasons, the company, the e-mail and consent. A fixed number of queries whatever the
/// number of rows (the conversations, their factors, their e-mails, their chat records).
/// </summary>
public sealed class RankedLeads(TaggingDbContext db, ChatDbContext chat, LeadReports reports)
{
    public const int MaxLimit = 1000;

    public async Task<IReadOnlyList<RankedLead>> ListAsync(LeadFilter filter, int limit, CancellationToken cancellationToken)
    {
        var query = db.Conversations.AsNoTracking();
        if (filter.MinScore is { } min)
        {
            query = query.Where(c => c.Score >= min);
        }

        if (!string.IsNullOrWhiteSpace(filter.Intent))
        {
            var intent = filter.Intent.Trim();
            query = query.Where(c => db.Tags.Any(t => t.ConversationId == c.ConversationId && t.Group == Labels.LabelGroup.Intent && t.Label == intent));
        }

        if (filter.From is { } from)
        {
            query = query.Where(c => c.LastActivityAt >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(c => c.LastActivityAt < to);
        }

        if (filter.HasEmail is { } hasEmail)
        {
            // The e-mails live in Rose.Chat's records, possibly another database: their conversations first.
            var withEmail = await chat.Leads.AsNoTracking().Where(l => l.ConversationId != null).Select(l => l.ConversationId!).Distinct().ToListAsync(cancellationToken);
            query = hasEmail ? query.Where(c => withEmail.Contains(c.ConversationId)) : query.Where(c => !withEmail.Contains(c.ConversationId));
        }

        var rows = await query
            .OrderByDescending(c => c.Score)
            .ThenByDescending(c => c.LastActivityAt)
            .Take(Math.Clamp(limit, 1, MaxLimit))
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.ConversationId).ToList();
        var factors = (await db.Factors.AsNoTracking().Where(f => ids.Contains(f.ConversationId)).ToListAsync(cancellationToken))
            .ToLookup(f => f.ConversationId, StringComparer.Ordinal);
        var emails = (await chat.Leads.AsNoTracking().Where(l => l.ConversationId != null && ids.Contains(l.ConversationId))
                .Select(l => new { l.ConversationId, l.Email, l.CreatedAt }).ToListAsync(cancellationToken))
            .GroupBy(l => l.ConversationId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(l => l.CreatedAt).First().Email, StringComparer.Ordinal);
        var conversations = await chat.Conversations.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                c.VisitorConsent,
                FirstQuestion = chat.Messages.Where(m => m.ConversationId == c.Id && m.Role == ConversationMessage.VisitorRole).OrderBy(m => m.Sequence).Select(m => m.Text).FirstOrDefault(),
            })
            .ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, cancellationToken);
        return [.. rows.Select(r => new RankedLead(
            r.ConversationId, r.Intent, r.Stage,
            new ScoreView(r.Score, [.. factors[r.ConversationId].OrderBy(f => f.Position).Select(f => new ScoreFactor(f.Key, f.Points, f.Reason))]),
            reports.CompanyOf(r),
            emails.GetValueOrDefault(r.ConversationId),
            conversations.GetValueOrDefault(r.ConversationId)?.VisitorConsent,
            conversations.GetValueOrDefault(r.ConversationId)?.FirstQuestion,
            r.LastActivityAt))];
    }
}
