using Microsoft.EntityFrameworkCore;
using Rose.Chat.Data;
using Rose.Platform.PubSub;
using Rose.Chat.Events;
using Rose.Storage;

namespace Rose.Chat.Pipeline;

/// <summary>
/// Stores a finished turn (the visitor's message and the answer) and stages <c>conversation.message</c>
/// for each in the same transaction: the events are published (by the outbox drainer) exactly when the
/// turn is stored, never one without the other.
/// </summary>
public sealed class ConversationRecorder(ChatDbContext db, ICurrentTenant currentTenant, TimeProvider clock)
{
    public async Task RecordAsync(string tenantId, string conversationId, string question, TurnOutcome outcome, long latencyMs, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        using (currentTenant.TenantId == tenantId ? null : currentTenant.Use(tenantId))
        {
            var conversation = await db.Conversations.SingleAsync(c => c.Id == conversationId, cancellationToken);
            var visitor = new ConversationMessage
            {
                Id = ChatIds.New(),
                ConversationId = conversationId,
                Sequence = conversation.MessageCount + 1,
                Role = ConversationMessage.VisitorRole,
                Text = question,
                CreatedAt = now,
            };
            var assistant = new ConversationMessage
            {
                Id = outcome.MessageId,
                ConversationId = conversationId,
                Sequence = conversation.MessageCount + 2,
                Role = ConversationMessage.AssistantRole,
                Text = outcome.Text,
                Citations = outcome.Citations,
                SkillId = outcome.Skill?.Id,
                SkillLabel = outcome.Skill?.Label,
                SkillType = outcome.Skill?.Type,
                SkillUrl = outcome.Skill?.Url,
                LatencyMs = (int)Math.Min(latencyMs, int.MaxValue),
                Model = outcome.Model,
                Declined = outcome.Declined,
                CreatedAt = now,
            };
            conversation.MessageCount += 2;
            conversation.LastActivityAt = now;
            conversation.EndedAt = null;
            conversation.VisitorCompany ??= outcome.VisitorCompany;
            db.Messages.AddRange(visitor, assistant);
            db.StageEvent(new ConversationMessagePosted(tenantId, conversationId, visitor.Id, visitor.Role, now));
            db.StageEvent(new ConversationMessagePosted(tenantId, conversationId, assistant.Id, assistant.Role, now));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
