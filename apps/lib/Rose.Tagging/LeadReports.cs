using Microsoft.EntityFrameworkCore;
using Rose.Chat.Data;
using Rose.Storage;
using Rose.Tagging.Api;
using Rose.Tagging.Data;

namespace Rose.Tagging;

/// <summary>The current tenant's leads and companies as the management API and the backoffice read them.</summary>
public sealed class LeadReports(TaggingDbContext db, ChatDbContext chat, ICurrentTenant currentTenant)
{
    public async Task<ConversationLeadView?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        var row = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.ConversationId == conversationId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var tags = await db.Tags.AsNoTracking().Where(t => t.ConversationId == conversationId).ToListAsync(cancellationToken);
        var factors = await db.Factors.AsNoTracking().Where(f => f.ConversationId == conversationId).OrderBy(f => f.Position).ToListAsync(cancellationToken);
        var views = tags
            .OrderBy(t => t.Group)
            .ThenByDescending(t => t.Label == row.Intent || t.Label == row.Stage)
            .ThenByDescending(t => t.Confidence)
            .Select(t => new TagView(t.Label, t.Group.ToString().ToLowerInvariant(), t.Confidence))
            .ToList();
        return new ConversationLeadView(
            row.ConversationId, row.Intent, row.Stage, views,
            new ScoreView(row.Score, [.. factors.Select(f => new Scoring.ScoreFactor(f.Key, f.Points, f.Reason))]),
            CompanyOf(row), row.Classifier, row.LabelSetVersion, row.LastActivityAt, row.TaggedAt);
    }

    /// <summary>Most recent first; <paramref name="tag"/> a label of any group, <paramref name="company"/> a domain or a name's beginning.</summary>
    public async Task<IReadOnlyList<LeadSummary>> ListAsync(string? tag, int? minScore, string? company, int limit, CancellationToken cancellationToken)
    {
        var query = db.Conversations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(tag))
        {
            query = query.Where(c => db.Tags.Any(t => t.ConversationId == c.ConversationId && t.Label == tag));
        }

        if (minScore is { } min)
        {
            query = query.Where(c => c.Score >= min);
        }

        if (!string.IsNullOrWhiteSpace(company))
        {
            var needle = company.Trim().ToLowerInvariant();
            // LIKE wildcards typed by the caller are matched literally.
            var prefix = needle.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(c => c.CompanyDomain == needle || (c.CompanyName != null && EF.Functions.Like(c.CompanyName.ToLower(), prefix, "\\")));
        }

        var rows = await query.OrderByDescending(c => c.LastActivityAt).Take(limit).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.ConversationId).ToList();
        var labels = (await db.Tags.AsNoTracking().Where(t => ids.Contains(t.ConversationId)).ToListAsync(cancellationToken))
            .ToLookup(t => t.ConversationId, StringComparer.Ordinal);
        return [.. rows.Select(r => new LeadSummary(
            r.ConversationId, r.Intent, r.Stage,
            [.. labels[r.ConversationId].OrderBy(t => t.Group).ThenByDescending(t => t.Confidence).Select(t => t.Label)],
            r.Score, CompanyOf(r), r.LastActivityAt))];
    }

    public async Task<IReadOnlyList<CompanySummary>> CompaniesAsync(int limit, CancellationToken cancellationToken)
    {
        var rows = await db.Conversations.AsNoTracking()
            .Where(c => c.CompanyDomain != null)
            .ToListAsync(cancellationToken);
        return [.. rows
            .GroupBy(r => r.CompanyDomain!, StringComparer.Ordinal)
            .Select(g => Summary(g.Key, [.. g.OrderBy(r => r.LastActivityAt)]))
            .OrderByDescending(c => c.LastSeen)
            .Take(limit)];
    }

    /// <summary>A company by its composite id; null when it is another tenant's id or nobody from that company came.</summary>
    public async Task<CompanyDetails?> CompanyAsync(string id, CancellationToken cancellationToken)
    {
        var tenantId = currentTenant.TenantId ?? throw new TenantRequiredException();
        var prefix = tenantId + ":";
        if (!id.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var domain = id[prefix.Length..].ToLowerInvariant();
        var rows = await db.Conversations.AsNoTracking()
            .Where(c => c.CompanyDomain == domain)
            .OrderBy(c => c.LastActivityAt)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var ids = rows.Select(r => r.ConversationId).ToList();
        var contacts = (await chat.Leads.AsNoTracking().Where(l => l.ConversationId != null && ids.Contains(l.ConversationId)).Select(l => l.Email).ToListAsync(cancellationToken))
            .Select(e => e.Trim().ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var summary = Summary(domain, rows);
        return new CompanyDetails(summary, [.. rows.Select(r => new CompanyConversation(r.ConversationId, r.Intent, r.Stage, r.Score, r.LastActivityAt))], contacts);
    }

    /// <summary>One company from its conversations, oldest first: the latest names it, the latest that knew them gives its firmographics.</summary>
    private CompanySummary Summary(string domain, List<TaggedConversation> rows)
    {
        var latest = rows[^1];
        var known = rows.LastOrDefault(r => r.CompanyIndustry is not null || r.CompanyEmployees is not null || r.CompanyCountry is not null) ?? latest;
        return new(CompanyId(domain), latest.CompanyName ?? domain, domain, rows.Count,
            rows.Select(r => r.VisitorKey).Distinct(StringComparer.Ordinal).Count(), rows.Max(r => r.Score), latest.LastActivityAt,
            known.CompanyIndustry, known.CompanyEmployees, known.CompanyCountry, latest.CompanyMatchedBy, latest.CompanyConfidence);
    }

    /// <summary>The company of one tagged conversation, as the API and the pages show it.</summary>
    internal CompanyMatchView? CompanyOf(TaggedConversation row) =>
        row.CompanyName is null
            ? null
            : new CompanyMatchView(row.CompanyDomain is null ? null : CompanyId(row.CompanyDomain), row.CompanyName, row.CompanyDomain,
                row.CompanyMatchedBy, row.CompanyConfidence, row.CompanyIndustry, row.CompanyEmployees, row.CompanyCountry);

    private string CompanyId(string domain) => TenantIds.Compose(currentTenant.TenantId ?? throw new TenantRequiredException(), domain);
}
