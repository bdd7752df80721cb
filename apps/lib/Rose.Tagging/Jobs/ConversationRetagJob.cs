using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rose.Chat.Data;
using Rose.Platform.Bindings;
using Rose.Storage;
using Rose.Tagging.Data;
using Rose.Tagging.Labels;
using Rose.Tenancy;

namespace Rose.Tagging.Jobs;

/// <summary>
/// Catches up, tenant by tenant: ended conversations never tagged (an event lost before this module
/// existed) or tagged with an older label set are tagged again; conversations whose score was last
/// computed more than a week ago are rescored, so that their score decays. Bounded per run
/// (<see cref="TaggingOptions.RetagBatchSize"/>); the next run goes on.
/// </summary>
public sealed class ConversationRetagJob(
    TenantDirectory directory,
    ChatDbContext chat,
    TaggingDbContext db,
    ConversationTagger tagger,
    LabelSetStore labelSets,
    ICurrentTenant currentTenant,
    IOptions<TaggingOptions> options,
    TimeProvider clock,
    ILogger<ConversationRetagJob> logger) : ICronJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var batch = options.Value.RetagBatchSize;
        var weekAgo = clock.GetUtcNow().AddDays(-7);
        foreach (var tenantId in await directory.ListTenantIdsAsync(cancellationToken))
        {
            using (currentTenant.Use(tenantId))
            {
                var version = (await labelSets.GetAsync(cancellationToken)).Version;
                var ended = await chat.Conversations.AsNoTracking()
                    .Where(c => c.EndedAt != null && c.MessageCount > 0)
                    .OrderByDescending(c => c.LastActivityAt)
                    .Select(c => c.Id)
                    .Take(batch * 4)
                    .ToListAsync(cancellationToken);
                var current = (await db.Conversations.AsNoTracking()
                        .Where(c => ended.Contains(c.ConversationId) && c.LabelSetVersion == version)
                        .Select(c => c.ConversationId)
                        .ToListAsync(cancellationToken))
                    .ToHashSet(StringComparer.Ordinal);
                var tagged = 0;
                foreach (var id in ended.Where(id => !current.Contains(id)).Take(batch))
                {
                    tagged += await tagger.TagAsync(id, TaggingMode.IfChanged, cancellationToken) == TaggingOutcome.Tagged ? 1 : 0;
                }

                var stale = await db.Conversations.AsNoTracking()
                    .Where(c => c.Score > 0 && c.TaggedAt < weekAgo && c.LastActivityAt < weekAgo)
                    .OrderBy(c => c.TaggedAt)
                    .Select(c => c.ConversationId)
                    .Take(batch)
                    .ToListAsync(cancellationToken);
                foreach (var id in stale)
                {
                    await tagger.TagAsync(id, TaggingMode.Rescore, cancellationToken);
                }

                if (tagged + stale.Count > 0)
                {
                    logger.LogInformation("Retag of {TenantId}: {Tagged} conversations tagged, {Rescored} rescored", tenantId, tagged, stale.Count);
                }
            }
        }
    }
}
