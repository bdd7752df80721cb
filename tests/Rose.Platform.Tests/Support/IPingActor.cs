using Dapr.Actors;

namespace Rose.Platform.Tests.Support;

/// <summary>The smallest actor interface, for tests of the routes Dapr.Actors.AspNetCore maps.</summary>
public interface IPingActor : IActor
{
    Task<string> PingAsync();
}
