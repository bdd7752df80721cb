using Microsoft.EntityFrameworkCore;
using Rose.Chat.Data;
using Rose.Chat.Memory;
using Rose.Platform.Erasure;
using Rose.Platform.State;
using Rose.Storage;

namespace Rose.Chat;

/// <summary>
/// The tenant's conversations, messages, skills and leads, and first the conversation memory each
/// conversation left in the state store (its key is derived from the conversation's id; the state
/// store cannot list keys). Memory keys also expire on their own (<see cref="ChatOptions.MemoryTimeToLive"/>).
/// </summary>
internal sealed class ChatTenantErasure(ChatDbContext db, ICurrentTenant currentTenant, IStateStore state) : ITenantDataEraser
{
    private const int Page = 500;

    public string Name => "chat";

    public async Task EraseAsync(string tenantId, CancellationToken cancellationToken)
    {
        using (currentTenant.Use(tenantId))
        {
            // Keyset pages, so that a long history never sits in memory at once.
            var after = string.Empty;
            while (true)
            {
                var ids = await db.Conversations.AsNoTracking()
                    .Where(c => string.Compare(c.Id, after) > 0)
                    .OrderBy(c => c.Id)
                    .Select(c => c.Id)
                    .Take(Page)
                    .ToListAsync(cancellationToken);
                foreach (var id in ids)
                {
                    await state.DeleteAsync(tenantId, ConversationMemoryStore.Key(id), cancellationToken: cancellationToken);
                }

                if (ids.Count < Page)
                {
                    break;
                }

                after = ids[^1];
            }
        }

        await TenantRows.DeleteAllAsync(db, currentTenant, tenantId, cancellationToken);
    }
}
