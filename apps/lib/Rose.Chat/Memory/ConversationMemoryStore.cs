using Microsoft.Extensions.Options;
using Rose.Platform.State;

namespace Rose.Chat.Memory;

/// <summary>Conversation memory in the state store (Redis under Dapr, SQLite embedded), with a time to live.</summary>
public sealed class ConversationMemoryStore(IStateStore state, IOptions<ChatOptions> options)
{
    public async Task<ConversationMemory> LoadAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var entry = await state.GetAsync<ConversationMemory>(tenantId, Key(conversationId), cancellationToken);
        return entry?.Value ?? ConversationMemory.Empty;
    }

    public Task SaveAsync(string tenantId, string conversationId, ConversationMemory memory, CancellationToken cancellationToken) =>
        state.SaveAsync(tenantId, Key(conversationId), memory, options.Value.MemoryTimeToLive, cancellationToken);

    /// <summary>The state key of a conversation's memory; off-boarding deletes it for every stored conversation.</summary>
    internal static string Key(string conversationId) => $"chat-memory:{conversationId}";
}
