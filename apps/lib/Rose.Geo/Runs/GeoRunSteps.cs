using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rose.Chat.Reports;
using Rose.Geo.Clustering;
using Rose.Geo.Collection;
using Rose.Geo.Data;
using Rose.Geo.Drafting;
using Rose.Geo.Site;
using Rose.Knowledge.Retrieval;
using Rose.Llm.Embeddings;
using Rose.Storage;

namespace Rose.Geo.Runs;

/// <summary>
/// The GEO workflow's steps, each one an activity's whole work. Every step reads its input from the
/// GEO tables and rewrites its own output there (keyed by the run), so a step retried or replayed
/// after a crash produces the same rows and never a second page: collection and clustering replace
/// the run's questions and drafts, drafting skips what is drafted, a review decision sets a state, and
/// the page set handed to the publisher depends only on the stored rows, so a retried publish sends the
/// same set under the same publish id.
/// </summary>
public sealed class GeoRunSteps(
    IServiceScopeFactory scopes,
    ITextEmbedder embedder,
    IKnowledgeRetriever retriever,
    GeoAnswerDrafter drafter,
    IOptions<GeoOptions> options,
    TimeProvider time,
    ILogger<GeoRunSteps> logger)
{
    /// <summary>Reads the period's visitor messages through Rose.Chat, drops personal data, spam and small talk, and stores the rest for the run.</summary>
    public async Task<int> CollectAsync(GeoRunRef run, CancellationToken cancellationToken)
    {
        await using var scope = Enter(run.TenantId, out var db);
        var row = await RunAsync(db, run, cancellationToken);
        if (row.Trigger == GeoRunTriggers.KnowledgeUpdated)
        {
            return 0;
        }

        var reports = scope.ServiceProvider.GetRequiredService<ConversationReports>();
        var asked = await reports.VisitorQuestionsAsync(row.PeriodFrom, row.PeriodTo, int.MaxValue, cancellationToken);
        var kept = asked
            .Select(q => (q.ConversationId, Text: PersonalDataScrubber.Scrub(q.Text, q.VisitorNames)))
            .Where(q => QuestionScreening.IsCandidate(q.Text))
            .TakeLast(options.Value.MaxQuestions)
            .ToList();
        await db.Questions.Where(q => q.RunId == run.RunId).ExecuteDeleteAsync(cancellationToken);
        db.Questions.AddRange(kept.Select((q, i) => new GeoRunQuestion { RunId = run.RunId, Position = i, ConversationId = q.ConversationId, Text = q.Text }));
        row.QuestionCount = kept.Count;
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("GEO run {RunId}: {Kept} of {Asked} visitor messages kept", run.RunId, kept.Count, asked.Count);
        return kept.Count;
    }

    /// <summary>
    /// Clusters the run's questions by meaning and writes one draft per cluster asked in enough
    /// distinct conversations; a run started by <c>knowledge.updated</c> drafts again exactly the
    /// published pages that cite the changed document.
    /// </summary>
    public async Task<int> ClusterAsync(GeoRunRef run, CancellationToken cancellationToken)
    {
        await using var scope = Enter(run.TenantId, out var db);
        var row = await RunAsync(db, run, cancellationToken);
        await db.Drafts.Where(d => d.RunId == run.RunId).ExecuteDeleteAsync(cancellationToken);
        var drafts = row.Trigger == GeoRunTriggers.KnowledgeUpdated
            ? await AffectedPagesAsync(db, row, cancellationToken)
            : await ClustersAsync(db, run, cancellationToken);
        db.Drafts.AddRange(drafts);
        row.ClusterCount = drafts.Count;
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return drafts.Count;
    }

    /// <summary>Drafts every draft of the run not drafted yet, saving each, so a retry goes on where the last attempt stopped.</summary>
    public async Task<GeoDraftCounts> DraftAsync(GeoRunRef run, CancellationToken cancellationToken)
    {
        await using var scope = Enter(run.TenantId, out var db);
        var drafts = await db.Drafts.Where(d => d.RunId == run.RunId).OrderBy(d => d.PageId).ToListAsync(cancellationToken);
        foreach (var draft in drafts.Where(d => !d.Drafted))
        {
            var drafted = await drafter.DraftAsync(run.TenantId, draft.Question, cancellationToken);
            draft.Answer = drafted.Answer;
            draft.Citations = [.. drafted.Citations];
            draft.IsGap = drafted.IsGap;
            draft.Topic = drafted.Topic;
            draft.Drafted = true;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new GeoDraftCounts(drafts.Count(d => !d.IsGap), drafts.Count(d => d.IsGap));
    }

    /// <summary>The run waits for staff; returns how many pages are still undecided.</summary>
    public async Task<int> AwaitReviewAsync(GeoRunRef run, CancellationToken cancellationToken)
    {
        await using var scope = Enter(run.TenantId, out var db);
        await SetStatusAsync(db, run, GeoRunStatuses.AwaitingReview, cancellationToken);
        return await db.Drafts.CountAsync(d => d.RunId == run.RunId && !d.IsGap && d.State == GeoPageStates.PendingReview, cancellationToken);
    }

    /// <summary>Records staff's decisions (a later decision on a page replaces an earlier one); returns how many pages are still undecided.</summary>
    public async Task<int> ApplyReviewAsync(GeoReviewInput input, CancellationToken cancellationToken)
    {
        var run = input.Run;
        await using var scope = Enter(run.TenantId, out var db);
        var drafts = await db.Drafts.Where(d => d.RunId == run.RunId && !d.IsGap).ToDictionaryAsync(d => d.PageId, StringComparer.Ordinal, cancellationToken);
        foreach (var decision in input.Review.Decisions)
        {
            if (!drafts.TryGetValue(decision.PageId, out var draft) || draft.State is GeoPageStates.Published or GeoPageStates.Unpublished)
            {
                continue;
            }

            switch (decision.Action)
            {
                case GeoReviewDecision.Approve:
                    draft.State = GeoPageStates.Approved;
                    break;
                case GeoReviewDecision.Edit when !string.IsNullOrWhiteSpace(decision.Answer):
                    draft.Answer = decision.Answer.Trim();
                    draft.Edited = true;
                    draft.State = GeoPageStates.Approved;
                    break;
                case GeoReviewDecision.Reject:
                    draft.State = GeoPageStates.Rejected;
                    break;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return drafts.Values.Count(d => d.State == GeoPageStates.PendingReview);
    }

    /// <summary>
    /// The tenant's whole page set after this run: the published pages this run did not decide, plus
    /// this run's approved pages; rejected pages are left out (unpublished if they were live).
    /// Built from stored rows only, in page-id order: the same set on every retry.
    /// </summary>
    public async Task<GeoPublication> PublicationAsync(GeoRunRef run, CancellationToken cancellationToken)
    {
        await using var scope = Enter(run.TenantId, out var db);
        var row = await RunAsync(db, run, cancellationToken);
        await SetStatusAsync(db, run, GeoRunStatuses.Publishing, cancellationToken);
        var drafts = await db.Drafts.AsNoTracking().Where(d => d.RunId == run.RunId && !d.IsGap).ToListAsync(cancellationToken);
        var pages = await db.Pages.AsNoTracking().ToDictionaryAsync(p => p.PageId, StringComparer.Ordinal, cancellationToken);
        var decided = drafts.Select(d => d.PageId).ToHashSet(StringComparer.Ordinal);
        var approved = drafts.Where(d => d.State is GeoPageStates.Approved or GeoPageStates.Published).ToList();
        var removed = drafts.Where(d => d.State is GeoPageStates.Rejected or GeoPageStates.Unpublished
                                        && pages.TryGetValue(d.PageId, out var page) && (page.State == GeoPageStates.Published || page.LastRunId == run.RunId))
            .ToList();
        var set = pages.Values
            .Where(p => p.State == GeoPageStates.Published && !decided.Contains(p.PageId))
            .Select(p => new GeoPage(p.PageId, p.Slug, p.Question, p.Answer ?? string.Empty, Citations(p.Citations), p.Topic, p.UpdatedAt))
            .Concat(approved.Select(d => new GeoPage(d.PageId, d.Slug, d.Question, d.Answer ?? string.Empty, Citations(d.Citations), d.Topic, row.StartedAt)))
            .OrderBy(p => p.PageId, StringComparer.Ordinal)
            .ToList();
        return new GeoPublication(set, approved.Count + removed.Count > 0);
    }

    /// <summary>Records what the publish did: approved pages published, rejected live pages unpublished, the run published.</summary>
    public async Task<int> RecordPublicationAsync(GeoRunRef run, GeoPublishOutcome outcome, CancellationToken cancellationToken)
    {
        await using var scope = Enter(run.TenantId, out var db);
        var row = await RunAsync(db, run, cancellationToken);
        var drafts = await db.Drafts.Where(d => d.RunId == run.RunId && !d.IsGap).ToListAsync(cancellationToken);
        var pages = await db.Pages.ToDictionaryAsync(p => p.PageId, StringComparer.Ordinal, cancellationToken);
        var published = 0;
        foreach (var draft in drafts)
        {
            var page = pages[draft.PageId];
            if (draft.State is GeoPageStates.Approved or GeoPageStates.Published)
            {
                page.Question = draft.Question;
                page.Answer = draft.Answer;
                page.Citations = [.. draft.Citations.Select(Copy)];
                page.Topic = draft.Topic;
                page.State = GeoPageStates.Published;
                page.UpdatedAt = row.StartedAt;
                page.IndexNowStatus = outcome.IndexNowStatus;
                page.LastRunId = run.RunId;
                draft.State = GeoPageStates.Published;
                published++;
            }
            else if (draft.State is GeoPageStates.Rejected or GeoPageStates.Unpublished)
            {
                var wasLive = page.State == GeoPageStates.Published || (page.LastRunId == run.RunId && page.State == GeoPageStates.Unpublished);
                page.State = wasLive ? GeoPageStates.Unpublished : GeoPageStates.Rejected;
                page.LastRunId = run.RunId;
                draft.State = wasLive ? GeoPageStates.Unpublished : GeoPageStates.Rejected;
            }
        }

        row.Status = GeoRunStatuses.Published;
        row.IndexNowStatus = outcome.IndexNowStatus;
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return published;
    }

    /// <summary>Nothing to publish: the run is <c>completed</c>; rejected pages that were never live are marked so.</summary>
    public async Task<bool> CompleteAsync(GeoRunRef run, CancellationToken cancellationToken)
    {
        await using var scope = Enter(run.TenantId, out var db);
        await SetStatusAsync(db, run, GeoRunStatuses.Completed, cancellationToken);
        return true;
    }

    public async Task<bool> FailAsync(GeoRunRef run, string reason, CancellationToken cancellationToken)
    {
        await using var scope = Enter(run.TenantId, out var db);
        var row = await RunAsync(db, run, cancellationToken);
        row.Status = GeoRunStatuses.Failed;
        row.Failure = reason.Length > 2000 ? reason[..2000] : reason;
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<List<GeoDraft>> ClustersAsync(GeoDbContext db, GeoRunRef run, CancellationToken cancellationToken)
    {
        var questions = await db.Questions.Where(q => q.RunId == run.RunId).OrderBy(q => q.Position).ToListAsync(cancellationToken);
        foreach (var question in questions)
        {
            question.PageId = null;
        }

        if (questions.Count == 0)
        {
            return [];
        }

        var vectors = await embedder.EmbedQueriesAsync([.. questions.Select(q => q.Text)], cancellationToken);
        // Off-topic: nothing in the knowledge base is even about it (a gap still has related passages).
        var onTopic = new List<int>();
        for (var i = 0; i < questions.Count; i++)
        {
            var best = await retriever.RetrieveAsync(run.TenantId, questions[i].Text, vectors[i], 3, cancellationToken);
            var similarity = best.Where(p => p.Vector.Length == vectors[i].Length).Select(p => (double)TensorPrimitives.Dot(vectors[i], p.Vector.Span)).DefaultIfEmpty(0).Max();
            if (similarity >= options.Value.OffTopicSimilarity)
            {
                onTopic.Add(i);
            }
        }

        var minConversations = await db.Settings.Select(s => (int?)s.MinConversations).SingleOrDefaultAsync(cancellationToken) is { } configured && configured > 0
            ? configured
            : options.Value.MinConversations;
        var centered = onTopic.Count >= options.Value.MinQuestionsToCenter;
        var clusterVectors = onTopic.Select(i => vectors[i]).ToList();
        var clusters = AgglomerativeClustering.Cluster(
                centered ? AgglomerativeClustering.Centered(clusterVectors) : clusterVectors,
                centered ? options.Value.CenteredClusterDistanceThreshold : options.Value.ClusterDistanceThreshold)
            .Select(c => c.Select(k => onTopic[k]).ToList())
            .Where(c => c.Select(i => questions[i].ConversationId).Distinct(StringComparer.Ordinal).Count() >= minConversations)
            .OrderByDescending(c => c.Count).ThenBy(c => c[0])
            .ToList();
        var pages = await db.Pages.ToListAsync(cancellationToken);
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var slugs = pages.Select(p => p.Slug).ToHashSet(StringComparer.Ordinal);
        var drafts = new List<GeoDraft>();
        foreach (var cluster in clusters)
        {
            var canonical = Canonical(cluster, vectors, questions);
            var vector = vectors[canonical];
            var page = SamePage(pages, claimed, questions[canonical].Text, vector);
            if (page is null)
            {
                var id = GeoPageIds.ForQuestion(questions[canonical].Text);
                page = pages.FirstOrDefault(p => p.PageId == id);
                if (page is null)
                {
                    var slug = GeoPageIds.SlugFor(questions[canonical].Text);
                    if (!slugs.Add(slug))
                    {
                        slug = $"{slug}-{id[1..7]}";
                        slugs.Add(slug);
                    }

                    page = new GeoPageRecord
                    {
                        PageId = id, Slug = slug, Question = questions[canonical].Text, QuestionVector = MemoryMarshal.AsBytes(vector.AsSpan()).ToArray(),
                        CreatedAt = time.GetUtcNow(), UpdatedAt = time.GetUtcNow(),
                    };
                    db.Pages.Add(page);
                    pages.Add(page);
                }
            }

            claimed.Add(page.PageId);
            foreach (var i in cluster)
            {
                questions[i].PageId = page.PageId;
            }

            drafts.Add(new GeoDraft
            {
                RunId = run.RunId,
                PageId = page.PageId,
                Slug = page.Slug,
                Question = questions[canonical].Text,
                SourceQuestions = [.. cluster.Select(i => questions[i].Text).Distinct(StringComparer.Ordinal)],
                ConversationCount = cluster.Select(i => questions[i].ConversationId).Distinct(StringComparer.Ordinal).Count(),
            });
        }

        return drafts;
    }

    private static async Task<List<GeoDraft>> AffectedPagesAsync(GeoDbContext db, GeoRun row, CancellationToken cancellationToken)
    {
        var published = await db.Pages.Where(p => p.State == GeoPageStates.Published).ToListAsync(cancellationToken);
        return
        [
            .. published
                .Where(p => p.Citations.Any(c => c.DocumentId == row.ChangedDocumentId))
                .OrderBy(p => p.PageId, StringComparer.Ordinal)
                .Select(p => new GeoDraft { RunId = row.RunId, PageId = p.PageId, Slug = p.Slug, Question = p.Question, SourceQuestions = [p.Question], Topic = p.Topic }),
        ];
    }

    /// <summary>The question closest to the cluster's centroid, the shorter one on a tie: the need, in a visitor's words.</summary>
    private static int Canonical(List<int> cluster, float[][] vectors, List<GeoRunQuestion> questions)
    {
        var centroid = new float[vectors[cluster[0]].Length];
        foreach (var i in cluster)
        {
            TensorPrimitives.Add(centroid, vectors[i], centroid);
        }

        return cluster
            .OrderByDescending(i => Math.Round(TensorPrimitives.Dot<float>(centroid, vectors[i]), 4))
            .ThenBy(i => questions[i].Text.Length)
            .ThenBy(i => i)
            .First();
    }

    private GeoPageRecord? SamePage(List<GeoPageRecord> pages, HashSet<string> claimed, string question, float[] vector)
    {
        var normalized = GeoPageIds.Normalize(question);
        return pages
            .Where(p => !claimed.Contains(p.PageId))
            .Select(p => (Page: p, Similarity: GeoPageIds.Normalize(p.Question) == normalized ? 1.0 : Similarity(p.QuestionVector, vector)))
            .Where(p => p.Similarity >= options.Value.SamePageSimilarity)
            .OrderByDescending(p => p.Similarity).ThenBy(p => p.Page.PageId, StringComparer.Ordinal)
            .Select(p => p.Page)
            .FirstOrDefault();
    }

    private static double Similarity(byte[] stored, float[] vector)
    {
        var other = MemoryMarshal.Cast<byte, float>(stored);
        return other.Length == vector.Length ? TensorPrimitives.Dot(other, vector) : 0;
    }

    private static IReadOnlyList<GeoCitation> Citations(List<StoredGeoCitation> citations) =>
        [.. citations.Select(c => new GeoCitation(c.Title, c.Url, c.Quote))];

    private static StoredGeoCitation Copy(StoredGeoCitation c) =>
        new() { Title = c.Title, Url = c.Url, Quote = c.Quote, DocumentId = c.DocumentId, ChunkId = c.ChunkId, ChunkText = c.ChunkText };

    private static async Task<GeoRun> RunAsync(GeoDbContext db, GeoRunRef run, CancellationToken cancellationToken) =>
        await db.Runs.SingleOrDefaultAsync(r => r.RunId == run.RunId, cancellationToken)
        ?? throw new InvalidOperationException($"GEO run {run.RunId} has no row: runs are started through GeoRuns.StartAsync.");

    private async Task SetStatusAsync(GeoDbContext db, GeoRunRef run, string status, CancellationToken cancellationToken)
    {
        var row = await RunAsync(db, run, cancellationToken);
        if (row.Status != status)
        {
            row.Status = status;
            row.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private AsyncServiceScope Enter(string tenantId, out GeoDbContext db)
    {
        var scope = scopes.CreateAsyncScope();
        var tenant = scope.ServiceProvider.GetRequiredService<ICurrentTenant>();
        // The scope's tenant stays set for the scope's lifetime: the scope is disposed with the step.
        tenant.Use(tenantId);
        db = scope.ServiceProvider.GetRequiredService<GeoDbContext>();
        return scope;
    }
}
