using Microsoft.EntityFrameworkCore;
using Rose.Chat.Data;

namespace Rose.Chat.Reports;

// ToLower().Contains() is what EF Core translates on both providers; the StringComparison overloads are not translated.
#pragma warning disable CA1862

/// <summary>
/// The conversations of the current tenant as marketers read them, behind both the management API
/// and the backoffice pages. The list is keyset-paginated on (last activity, id), newest first: a
/// page costs the same however deep it is, and every filter is part of the one SQL query.
/// </summary>
public sealed class ConversationReports(ChatDbContext db)
{
    public async Task<ConversationPage> ListAsync(ConversationFilter filter, CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(filter.Limit, 1, ConversationFilter.MaxLimit);
        var query = db.Conversations.AsNoTracking();
        if (ConversationCursor.TryDecode(filter.After, out var cursor))
        {
            var at = new DateTimeOffset(cursor.LastActivityTicks, TimeSpan.Zero);
            query = query.Where(c => c.LastActivityAt < at || (c.LastActivityAt == at && string.Compare(c.Id, cursor.ConversationId) < 0));
        }

        if (filter.From is { } from)
        {
            query = query.Where(c => c.LastActivityAt >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(c => c.LastActivityAt < to);
        }

        if (filter.Answered is { } answered)
        {
            query = answered
                ? query.Where(c => db.Messages.Any(m => m.ConversationId == c.Id && m.Role == ConversationMessage.AssistantRole)
                                   && !db.Messages.Any(m => m.ConversationId == c.Id && m.Declined))
                : query.Where(c => db.Messages.Any(m => m.ConversationId == c.Id && m.Declined));
        }

        if (filter.Email is { } email)
        {
            query = email
                ? query.Where(c => db.Leads.Any(l => l.ConversationId == c.Id))
                : query.Where(c => !db.Leads.Any(l => l.ConversationId == c.Id));
        }

        if (Pattern(filter.Company) is { } company)
        {
            query = query.Where(c => c.VisitorCompany != null && c.VisitorCompany.ToLower().Contains(company));
        }

        if (Pattern(filter.Origin) is { } origin)
        {
            query = query.Where(c => (c.Page != null && c.Page.ToLower().Contains(origin)) || (c.Origin != null && c.Origin.ToLower().Contains(origin)));
        }

        if (Pattern(filter.Text) is { } text)
        {
            query = query.Where(c => db.Messages.Any(m => m.ConversationId == c.Id && m.Text.ToLower().Contains(text)));
        }

        var rows = await Summaries(query.OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id).Take(limit + 1))
            .ToListAsync(cancellationToken);
        var next = rows.Count > limit
            ? new ConversationCursor(rows[limit - 1].LastActivityAt.UtcTicks, rows[limit - 1].ConversationId).Encode()
            : null;
        return new ConversationPage(rows.Take(limit).ToList(), next);
    }

    /// <summary>The counts of the overview for conversations active in [<paramref name="from"/>, <paramref name="to"/>), in one query.</summary>
    public async Task<ConversationStats> StatsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var stats = await db.Conversations.AsNoTracking()
            .Where(c => c.LastActivityAt >= from && c.LastActivityAt < to)
            .GroupBy(_ => 1)
            .Select(g => new ConversationStats(
                g.Count(),
                g.Count(c => db.Messages.Any(m => m.ConversationId == c.Id && m.Declined)),
                g.Count(c => db.Leads.Any(l => l.ConversationId == c.Id))))
            .SingleOrDefaultAsync(cancellationToken);
        return stats ?? new ConversationStats(0, 0, 0);
    }

    /// <summary>How many conversations were last active on each day (UTC) of [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task<IReadOnlyDictionary<DateOnly, int>> ActiveByDayAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var times = await db.Conversations.AsNoTracking()
            .Where(c => c.LastActivityAt >= from && c.LastActivityAt < to)
            .Select(c => c.LastActivityAt)
            .ToListAsync(cancellationToken);
        // Grouped here: the time is stored as ticks, which neither provider can turn into a date in SQL.
        return times.GroupBy(t => DateOnly.FromDateTime(t.UtcDateTime)).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>
    /// The e-mails visitors left, newest first, at most <paramref name="limit"/>; the company is the one
    /// the visitor typed, else the one enrichment identified for the conversation.
    /// </summary>
    public async Task<IReadOnlyList<LeadSummary>> LeadsAsync(int limit, CancellationToken cancellationToken)
    {
        var leads = await db.Leads.AsNoTracking()
            .Select(l => new LeadSummary(
                l.Email,
                l.Name,
                l.Company ?? db.Conversations.Where(c => c.Id == l.ConversationId).Select(c => c.VisitorCompany).FirstOrDefault(),
                l.ConversationId,
                db.Messages.Where(m => m.ConversationId == l.ConversationId && m.Sequence == 1).Select(m => m.Text).FirstOrDefault(),
                l.CreatedAt))
            .ToListAsync(cancellationToken);
        // Ordered here: SQLite cannot order by a DateTimeOffset.
        return leads.OrderByDescending(l => l.CreatedAt).Take(Math.Clamp(limit, 1, 10_000)).ToList();
    }

    /// <summary>
    /// Every message visitors of the current tenant wrote in [<paramref name="from"/>, <paramref name="to"/>),
    /// ended conversation or not, oldest first, at most <paramref name="limit"/>; with the names each
    /// visitor left in the lead form. GEO turns them into FAQ pages (and removes the personal data).
    /// </summary>
    public async Task<IReadOnlyList<VisitorQuestion>> VisitorQuestionsAsync(DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken)
    {
        // The conversation's last activity is stored as ticks and bounds the messages in SQL (a message
        // is never later than its conversation's last activity); the message's own time is compared
        // here because SQLite cannot compare a DateTimeOffset.
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.Role == ConversationMessage.VisitorRole
                        && db.Conversations.Any(c => c.Id == m.ConversationId && c.LastActivityAt >= from))
            .Select(m => new { m.ConversationId, m.Id, m.Text, m.CreatedAt, m.Sequence })
            .ToListAsync(cancellationToken);
        var inPeriod = messages
            .Where(m => m.CreatedAt >= from && m.CreatedAt < to)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.ConversationId, StringComparer.Ordinal).ThenBy(m => m.Sequence)
            .Take(Math.Clamp(limit, 1, 100_000))
            .ToList();
        var conversations = inPeriod.Select(m => m.ConversationId).Distinct().ToList();
        var names = (await db.Leads.AsNoTracking()
                .Where(l => l.Name != null && l.ConversationId != null && conversations.Contains(l.ConversationId))
                .Select(l => new { l.ConversationId, l.Name })
                .ToListAsync(cancellationToken))
            .GroupBy(l => l.ConversationId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(l => l.Name!).Distinct(StringComparer.Ordinal)], StringComparer.Ordinal);
        return [.. inPeriod.Select(m => new VisitorQuestion(m.ConversationId, m.Id, m.Text, m.CreatedAt, names.GetValueOrDefault(m.ConversationId) ?? []))];
    }

    /// <summary>
    /// The questions the agent declined in [<paramref name="from"/>, <paramref name="to"/>) (the
    /// visitor message right before a declined answer), the same words counted together, asked in
    /// the most conversations first, then the latest; at most <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<UnansweredQuestion>> UnansweredQuestionsAsync(DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken)
    {
        var asked = await db.Messages.AsNoTracking()
            .Where(m => m.Role == ConversationMessage.VisitorRole
                        && db.Conversations.Any(c => c.Id == m.ConversationId && c.LastActivityAt >= from)
                        && db.Messages.Any(a => a.ConversationId == m.ConversationId && a.Sequence == m.Sequence + 1 && a.Declined))
            .Select(m => new { m.ConversationId, m.Text, m.CreatedAt })
            .ToListAsync(cancellationToken);
        // Grouped here: SQLite cannot compare a DateTimeOffset, and the same words are compared after collapsing spaces.
        return [.. asked
            .Where(m => m.CreatedAt >= from && m.CreatedAt < to)
            .GroupBy(m => string.Join(' ', m.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant(), StringComparer.Ordinal)
            .Select(g =>
            {
                var last = g.MaxBy(m => m.CreatedAt)!;
                return new UnansweredQuestion(last.Text.Trim(), g.Select(m => m.ConversationId).Distinct(StringComparer.Ordinal).Count(), last.CreatedAt);
            })
            .OrderByDescending(q => q.Conversations).ThenByDescending(q => q.LastAskedAt)
            .Take(Math.Clamp(limit, 1, 1000))];
    }

    /// <summary>The conversation with its messages, or null when the current tenant has none with this id.</summary>
    public async Task<ConversationTranscript?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (conversationId.Length > 40)
        {
            return null;
        }

        var summary = await Summaries(db.Conversations.AsNoTracking().Where(c => c.Id == conversationId)).SingleOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return null;
        }

        var messages = await db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId).OrderBy(m => m.Sequence).ToListAsync(cancellationToken);
        var emails = await db.Leads.AsNoTracking().Where(l => l.ConversationId == conversationId).OrderBy(l => l.Email).Select(l => l.Email).ToListAsync(cancellationToken);
        return new ConversationTranscript(summary, [.. messages.Select(TranscriptMessage.From)], emails);
    }

    private IQueryable<ConversationSummary> Summaries(IQueryable<Conversation> conversations) =>
        conversations.Select(c => new ConversationSummary(
            c.Id,
            c.VisitorCompany,
            c.Origin,
            c.Page,
            c.MessageCount,
            db.Messages.Where(m => m.ConversationId == c.Id && m.Sequence == 1).Select(m => m.Text).FirstOrDefault(),
            c.CreatedAt,
            c.LastActivityAt,
            c.EndedAt != null,
            db.Messages.Any(m => m.ConversationId == c.Id && m.Declined),
            db.Leads.Any(l => l.ConversationId == c.Id)));

    /// <summary>Case-insensitive "contains" on both providers: both sides lowered (SQLite's LIKE and PostgreSQL's differ on case).</summary>
    private static string? Pattern(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();
}
