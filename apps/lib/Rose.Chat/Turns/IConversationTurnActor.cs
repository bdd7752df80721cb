using Dapr.Actors;

namespace Rose.Chat.Turns;

/// <summary>A conversation's turn lease on the Dapr runtime: one holder at a time, across replicas.</summary>
public interface IConversationTurnActor : IActor
{
    /// <summary>True when <paramref name="holder"/> now holds the turn (free, expired, or already its own).</summary>
    Task<bool> TryAcquireAsync(string holder, int leaseSeconds);

    Task ReleaseAsync(string holder);
}
