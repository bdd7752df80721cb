namespace Rose.Chat.Turns;

/// <summary>Lets one turn of a conversation run at a time, in arrival order.</summary>
public interface IConversationTurnGate
{
    /// <summary>Waits for the conversation's previous turns; dispose the result to let the next one in.</summary>
    Task<IAsyncDisposable> EnterAsync(string tenantId, string conversationId, CancellationToken cancellationToken);
}
