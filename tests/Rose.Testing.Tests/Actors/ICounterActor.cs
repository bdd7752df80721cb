using Dapr.Actors;

namespace Rose.Testing.Tests.Actors;

public interface ICounterActor : IActor
{
    /// <summary>Adds one to the actor's count (kept in actor state) and answers the new count.</summary>
    Task<int> IncrementAsync();
}
