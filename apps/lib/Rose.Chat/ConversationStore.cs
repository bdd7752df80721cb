using Microsoft.EntityFrameworkCore;
using Rose.Chat.Data;
using Rose.Tenancy.Keys;

namespace Rose.Chat;

/// <summary>Starts conversations and finds them by id and token for the current tenant.</summary>
public sealed class ConversationStore(ChatDbContext db, TimeProvider clock)
{
    public const int MaxPageLength = 2000;

    public async Task<(Conversation Conversation, string Token)> StartAsync(string? origin, CancellationToken cancellationToken) =>
        await StartAsync(origin, null, null, null, cancellationToken);

    /// <param name="origin">The browser's <c>Origin</c> header.</param>
    /// <param name="page">The page the widget runs on, as it reported it; kept only when it is an http(s) URL of the same origin.</param>
    /// <param name="visitorId">The widget's visitor id, already checked with <see cref="VisitorIds.IsValid"/>.</param>
    public async Task<(Conversation Conversation, string Token)> StartAsync(string? origin, string? page, string? visitorId, bool? consent, CancellationToken cancellationToken)
    {
        var token = ChatIds.NewToken();
        var now = clock.GetUtcNow();
        var conversation = new Conversation
        {
            Id = ChatIds.New(),
            TokenHash = TenantKeys.Hash(token),
            Origin = origin is { Length: <= 300 } ? origin : null,
            Page = PageOfOrigin(origin, page),
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
    /// The page as an absolute http(s) URL without its fragment, when it belongs to the origin the
    /// browser sent (or there was none, as with a server-side caller); anything else is not kept, so a
    /// script cannot file a conversation under another site's page.
    /// </summary>
    internal static string? PageOfOrigin(string? origin, string? page)
    {
        if (!Uri.TryCreate(page, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        if (!string.IsNullOrEmpty(origin) && !string.Equals(url.GetLeftPart(UriPartial.Authority), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var withoutFragment = url.GetLeftPart(UriPartial.Query);
        return withoutFragment.Length <= MaxPageLength ? withoutFragment : null;
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
