using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rose.Chat.Data;
using Rose.Platform.Bindings;
using Rose.Platform.PubSub;
using Rose.Chat.Events;
using Rose.Storage;
using Rose.Tenancy;

namespace Rose.Chat.Jobs;

/// <summary>
/// Ends conversations idle for <see cref="ChatOptions.IdleAfter"/>: publishes <c>conversation.ended</c>
/// so the worker tags and scores them, once per conversation however many replicas run it. Visits each
/// tenant in turn, acting for that tenant only. Ending a conversation and staging its event commit
/// together: a crash in between neither loses the event nor leaves the conversation ended without one.
/// </summary>
public sealed class ConversationIdleCheckJob(
    TenantDirectory directory,
    ChatDbContext db,
    ICurrentTenant currentTenant,
    IOptions<ChatOptions> options,
    TimeProvider clock,
    ILogger<ConversationIdleCheckJob> logger) : ICronJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.IdleAfter;
        foreach (var tenantId in await directory.ListTenantIdsAsync(cancellationToken))
        {
            using (currentTenant.Use(tenantId))
            {
                var idle = await db.Conversations.AsNoTracking()
                    .Where(c => c.EndedAt == null && c.MessageCount > 0 && c.LastActivityAt <= cutoff)
                    .Select(c => new { c.Id, c.LastActivityAt })
                    .ToListAsync(cancellationToken);
                foreach (var conversation in idle)
                {
                    if (await EndAsync(tenantId, conversation.Id, conversation.LastActivityAt, cancellationToken))
                    {
                        logger.LogInformation("Conversation {ConversationId} of {TenantId} ended after being idle", conversation.Id, tenantId);
                    }
                }
            }
        }
    }

    /// <summary>Ends the conversation and stages conversation.ended in one transaction; false when another replica ended it first.</summary>
    private Task<bool> EndAsync(string tenantId, string conversationId, DateTimeOffset lastActivityAt, CancellationToken cancellationToken) =>
        // PostgreSQL retries transient failures, so the transaction runs as one retriable unit.
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            // A retried attempt starts clean: nothing staged by a failed one is saved twice.
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Every search replica runs this job: the conditional update lets exactly one of them end
            // a conversation, and only that one stages conversation.ended.
            var now = clock.GetUtcNow();
            var claimed = await db.Conversations
                .Where(c => c.Id == conversationId && c.EndedAt == null)
                .ExecuteUpdateAsync(update => update.SetProperty(c => c.EndedAt, now), ct);
            if (claimed == 0)
            {
                return false;
            }

            db.StageEvent(new ConversationEnded(tenantId, conversationId, lastActivityAt, "idle"));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
}
