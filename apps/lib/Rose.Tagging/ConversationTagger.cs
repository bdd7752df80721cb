using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Rose.Chat.Data;
using Rose.Enrichment.Identification;
using Rose.Platform.PubSub;
using Rose.Storage;
using Rose.Tagging.Classification;
using Rose.Tagging.Data;
using Rose.Tagging.Events;
using Rose.Tagging.Labels;
using Rose.Tagging.Scoring;

namespace Rose.Tagging;

/// <summary>
/// Turns one conversation of the current tenant into a lead: classifies it, identifies the company,
/// scores it with its factors, stores all of it in one transaction and, when the score crosses the hot
/// threshold for the first time for this visitor, stages <c>lead.qualified</c> in that same transaction.
/// Idempotent per conversation and label-set version: a redelivered event, or two replicas tagging
/// the same conversation at once, leave one tagging and at most one <c>lead.qualified</c>.
/// </summary>
public sealed class ConversationTagger(
    ChatDbContext chat,
    TaggingDbContext db,
    IConversationClassifier classifier,
    ScoringSettingsStore scoring,
    LabelSetStore labelSets,
    ICurrentTenant currentTenant,
    TimeProvider clock,
    ILogger<ConversationTagger> logger)
{
    public async Task<TaggingOutcome> TagAsync(string conversationId, TaggingMode mode, CancellationToken cancellationToken)
    {
        var tenantId = currentTenant.TenantId ?? throw new TenantRequiredException();
        var conversation = await chat.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null || conversation.MessageCount == 0)
        {
            return TaggingOutcome.NotFound;
        }

        var labels = await labelSets.GetAsync(cancellationToken);
        var existing = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.ConversationId == conversationId, cancellationToken);
        if (mode == TaggingMode.IfChanged && existing is not null && existing.LabelSetVersion == labels.Version && existing.MessageCount == conversation.MessageCount)
        {
            return TaggingOutcome.Unchanged;
        }

        var messages = await chat.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId)
            .OrderBy(m => m.Sequence)
            .ToListAsync(cancellationToken);
        var transcript = new ConversationTranscript([.. messages.Select(m => new TranscriptMessage(m.Role, m.Text, [.. m.Citations.Select(c => c.Title)]))]);
        var tags = mode == TaggingMode.Rescore && existing is not null
            ? await StoredTagsAsync(existing, cancellationToken)
            : await classifier.ClassifyAsync(tenantId, transcript, labels, cancellationToken);

        // The latest address the visitor left here (ordered in memory: SQLite cannot order DateTimeOffset).
        var email = (await chat.Leads.AsNoTracking()
                .Where(l => l.ConversationId == conversationId)
                .Select(l => new { l.Email, l.CreatedAt })
                .ToListAsync(cancellationToken))
            .OrderByDescending(l => l.CreatedAt)
            .Select(l => l.Email)
            .FirstOrDefault();
        var company = EmailDomainCompanies.Identify(email)
            ?? (conversation.VisitorCompany is { } known ? new CompanyIdentification("enrichment", MatchKinds.Provider, 0.6, known, null) : null);
        var visitorKey = VisitorKey(conversationId, conversation.VisitorId, email);
        var previous = await db.Conversations.AsNoTracking()
            .CountAsync(c => c.VisitorKey == visitorKey && c.ConversationId != conversationId && c.LastActivityAt < conversation.LastActivityAt, cancellationToken);
        var settings = await scoring.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var score = LeadScorer.Score(new LeadSignals(tags, transcript, email, company, previous, HostingNetwork: false, conversation.LastActivityAt), settings, now);

        var row = new TaggedConversation
        {
            ConversationId = conversationId,
            LabelSetVersion = labels.Version,
            Classifier = tags.Classifier,
            MessageCount = conversation.MessageCount,
            Intent = tags.Intent,
            Stage = tags.Stage,
            Score = score.Value,
            VisitorKey = visitorKey,
            CompanyName = company?.Name,
            CompanyDomain = company?.Domain,
            CompanyMatchedBy = company?.MatchedBy,
            CompanyConfidence = company?.Confidence,
            CompanyIndustry = company?.Industry,
            CompanyEmployees = company?.Employees,
            CompanyCountry = company?.Country,
            LastActivityAt = conversation.LastActivityAt,
            TaggedAt = now,
        };
        try
        {
            var qualified = await SaveAsync(tenantId, row, existing is not null, tags, score, settings, cancellationToken);
            logger.LogInformation("Conversation {ConversationId} of {TenantId} tagged {Intent}/{Stage}, score {Score}{Qualified}",
                conversationId, tenantId, row.Intent, row.Stage, row.Score, qualified ? ", lead qualified" : string.Empty);
            return TaggingOutcome.Tagged;
        }
        catch (DbUpdateException) when (mode == TaggingMode.IfChanged)
        {
            // Another replica tagged it between our read and our write; its transaction holds everything.
            db.ChangeTracker.Clear();
            if (await db.Conversations.AsNoTracking().AnyAsync(c => c.ConversationId == conversationId && c.LabelSetVersion == labels.Version, cancellationToken))
            {
                return TaggingOutcome.Unchanged;
            }

            throw;
        }
    }

    /// <summary>
    /// Who the lead is across conversations: the widget's visitor id (return visits from one browser),
    /// else the e-mail's digest (never the address itself), else the conversation alone.
    /// </summary>
    internal static string VisitorKey(string conversationId, string? visitorId, string? email) =>
        visitorId is not null ? $"visitor:{visitorId}"
        : email is not null ? $"email:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())))[..40]}"
        : $"conversation:{conversationId}";

    private Task<bool> SaveAsync(string tenantId, TaggedConversation row, bool replace, ConversationTags tags, LeadScore score, ScoringSettings settings, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (replace)
            {
                await db.Tags.Where(t => t.ConversationId == row.ConversationId).ExecuteDeleteAsync(ct);
                await db.Factors.Where(f => f.ConversationId == row.ConversationId).ExecuteDeleteAsync(ct);
                db.Conversations.Update(Owned(row, tenantId));
            }
            else
            {
                db.Conversations.Add(row);
            }

            db.Tags.AddRange(tags.Tags
                .GroupBy(t => (t.Group, t.Label))
                .Select(g => new StoredTag { ConversationId = row.ConversationId, Group = g.Key.Group, Label = g.Key.Label, Confidence = g.Max(t => t.Confidence) }));
            db.Factors.AddRange(score.Factors.Select((f, i) => new StoredScoreFactor { ConversationId = row.ConversationId, Position = i, Key = f.Key, Points = f.Points, Reason = f.Reason }));

            var qualifies = score.Value >= settings.HotThreshold
                && !await db.Qualifications.AnyAsync(q => q.VisitorKey == row.VisitorKey, ct);
            if (qualifies)
            {
                // The row's key is the visitor: a second qualification of the same visitor cannot commit,
                // so lead.qualified, staged with it, is published once per visitor.
                db.Qualifications.Add(new LeadQualification { VisitorKey = row.VisitorKey, ConversationId = row.ConversationId, Score = score.Value, QualifiedAt = row.TaggedAt });
                db.StageEvent(new LeadQualified(tenantId, row.ConversationId, row.VisitorKey, score.Value, row.CompanyDomain));
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return qualifies;
        }, cancellationToken);

    private static TaggedConversation Owned(TaggedConversation row, string tenantId)
    {
        row.TenantId = tenantId;
        return row;
    }

    private async Task<ConversationTags> StoredTagsAsync(TaggedConversation existing, CancellationToken cancellationToken)
    {
        var stored = await db.Tags.AsNoTracking().Where(t => t.ConversationId == existing.ConversationId).ToListAsync(cancellationToken);
        // The main intent first, as the classifier gave it.
        var ordered = stored
            .OrderBy(t => t.Group)
            .ThenByDescending(t => t.Group == LabelGroup.Intent && t.Label == existing.Intent)
            .ThenByDescending(t => t.Confidence)
            .Select(t => new AssignedTag(t.Label, t.Group, t.Confidence))
            .ToList();
        return new ConversationTags(ordered, existing.Classifier);
    }
}
