using Dapr.Actors.Runtime;

namespace Rose.Platform.Tests.Support;

/// <summary>Answers "pong"; hosted by a test app so that daprd-style calls reach <c>/actors/...</c>.</summary>
public sealed class PingActor(ActorHost host) : Actor(host), IPingActor
{
    public Task<string> PingAsync() => Task.FromResult("pong");
}
