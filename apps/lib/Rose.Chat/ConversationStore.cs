using Microsoft.EntityFrameworkCore;
using Rose.Chat.Data;
using Rose.Tenancy.Keys;

namespace Rose.Chat;

/// <summary>Starts conversations and finds them by id and token for the current tenant.</summary>
public sealed class ConversationStore(ChatDbContext db, TimeProvider clock)
{
    public async Task<(Conversation Conversation, string Token)> StartAsync(string? origin, CancellationToken cancellationToken) =>
        await StartAsync(origin, null, null, cancellationToken);

    /// <param name="visitorId">The widget's visitor id, already checked with <see cref="VisitorIds.IsValid"/>.</param>
    public async Task<(Conversation Conversation, string Token)> StartAsync(string? origin, string? visitorId, bool? consent, CancellationToken cancellationToken)
    {
        var token = ChatIds.NewToken();
        var now = clock.GetUtcNow();
        var conversation = new Conversation
        {
            Id = ChatIds.New(),
            TokenHash = TenantKeys.Hash(token),
            Origin = origin is { Length: <= 300 } ? origin : null,
            VisitorId = visitorId,
            VisitorConsent = consent,
            CreatedAt = now,
            LastActivityAt = now,
        };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync(cancellationToken);
        return (conversation, token);
    }

    /// <summary>
    /// The conversation when the token is its token; null otherwise. A missing conversation, one of
    /// another tenant and a wrong token are the same null, so callers cannot tell them apart.
    /// </summary>
    public async Task<Conversation?> FindAsync(string conversationId, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || conversationId.Length > 40)
        {
            return null;
        }

        var hash = TenantKeys.Hash(token);
        return await db.Conversations.AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == conversationId && c.TokenHash == hash, cancellationToken);
    }

    public async Task<IReadOnlyList<ConversationMessage>> MessagesAsync(string conversationId, CancellationToken cancellationToken) =>
        await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId)
            .OrderBy(m => m.Sequence)
            .ToListAsync(cancellationToken);
}
