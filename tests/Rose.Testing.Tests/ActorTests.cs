using Microsoft.AspNetCore.Builder;
using Dapr.Actors;
using Dapr.Actors.Client;
using Microsoft.Extensions.DependencyInjection;
using Rose.Testing.Dapr.Mesh;
using Rose.Testing.Tests.Actors;
using Xunit;

namespace Rose.Testing.Tests;

/// <summary>Actors across the mesh: placement by actor id over the replicas that host the type, state in the actor state store.</summary>
public sealed class ActorTests : IAsyncLifetime
{
    private readonly List<TestApp> hosts = [];
    private DaprTestMesh mesh = null!;
    private MeshSidecar caller = null!;

    public async Task InitializeAsync()
    {
        mesh = await DaprTestMesh.StartAsync();
        for (var i = 0; i < 2; i++)
        {
            var sidecar = await mesh.AddSidecarAsync("counter");
            hosts.Add(await TestApp.StartAsync(sidecar, app => app.MapActorsHandlers(), services => services
                .AddActors(options =>
                {
                    options.HttpEndpoint = sidecar.HttpEndpoint;
                    options.Actors.RegisterActor<CounterActor>();
                })));
        }

        caller = await mesh.AddSidecarAsync("caller");
    }

    [Fact]
    public async Task Calls_to_one_actor_from_any_sidecar_reach_one_replica_and_share_its_state()
    {
        var fromCaller = Proxy(caller, "basket-1");
        var fromHost = Proxy(mesh.Replicas("counter")[1], "basket-1");

        Assert.Equal(1, await fromCaller.IncrementAsync());
        Assert.Equal(2, await fromHost.IncrementAsync());
        Assert.Equal(3, await fromCaller.IncrementAsync());

        Assert.Single(mesh.ActorCalls.Where(c => c.ActorId == "basket-1").Select(c => c.ReplicaId).Distinct());
        // The count is in the actor state store, readable through any sidecar, as daprd serves it.
        using var http = new HttpClient { BaseAddress = new Uri(caller.HttpEndpoint) };
        Assert.Equal("3", await http.GetStringAsync($"/v1.0/actors/{nameof(CounterActor)}/basket-1/state/count"));
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await http.GetAsync($"/v1.0/actors/{nameof(CounterActor)}/basket-1/state/other")).StatusCode);
    }

    [Fact]
    public async Task Actor_ids_are_spread_over_the_replicas_that_host_the_type()
    {
        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(1, await Proxy(caller, $"id-{i}").IncrementAsync());
        }

        Assert.Equal(2, mesh.ActorCalls.Select(c => c.ReplicaId).Distinct().Count());
        Assert.DoesNotContain(mesh.ActorCalls, c => c.ReplicaId.StartsWith("caller", StringComparison.Ordinal));
    }

    private static ICounterActor Proxy(MeshSidecar through, string actorId) =>
        new ActorProxyFactory(new ActorProxyOptions { HttpEndpoint = through.HttpEndpoint })
            .CreateActorProxy<ICounterActor>(new ActorId(actorId), nameof(CounterActor));

    public async Task DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }

        await mesh.DisposeAsync();
    }
}
