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
/// tenant in turn, acting for that tenant only.
/// </summary>
public sealed class ConversationIdleCheckJob(
    TenantDirectory directory,
    ChatDbContext db,
    ICurrentTenant currentTenant,
    IEventPublisher publisher,
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
                    // Every search replica runs this job: the conditional update lets exactly one of
                    // them end a conversation, and only that one publishes conversation.ended.
                    var now = clock.GetUtcNow();
                    var claimed = await db.Conversations
                        .Where(c => c.Id == conversation.Id && c.EndedAt == null)
                        .ExecuteUpdateAsync(update => update.SetProperty(c => c.EndedAt, now), cancellationToken);
                    if (claimed == 0)
                    {
                        continue;
                    }

                    await publisher.PublishAsync(
                        new ConversationEnded(tenantId, conversation.Id, conversation.LastActivityAt, "idle"), cancellationToken);
                    logger.LogInformation("Conversation {ConversationId} of {TenantId} ended after being idle", conversation.Id, tenantId);
                }
            }
        }
    }
}
