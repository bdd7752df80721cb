using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rose.Chat.Data;
using Rose.Platform.Bindings;
using Rose.Platform.PubSub;
using Rose.Platform.PubSub.Events;
using Rose.Storage;
using Rose.Tenancy;

namespace Rose.Chat.Jobs;

/// <summary>
/// Ends conversations idle for <see cref="ChatOptions.IdleAfter"/>: publishes <c>conversation.ended</c>
/// so the worker tags and scores them. Visits each tenant in turn, acting for that tenant only.
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
                var idle = await db.Conversations
                    .Where(c => c.EndedAt == null && c.MessageCount > 0 && c.LastActivityAt <= cutoff)
                    .ToListAsync(cancellationToken);
                foreach (var conversation in idle)
                {
                    conversation.EndedAt = clock.GetUtcNow();
                    await db.SaveChangesAsync(cancellationToken);
                    await publisher.PublishAsync(
                        new ConversationEnded(tenantId, conversation.Id, conversation.LastActivityAt, "idle"), cancellationToken);
                    logger.LogInformation("Conversation {ConversationId} of {TenantId} ended after being idle", conversation.Id, tenantId);
                }
            }
        }
    }
}
