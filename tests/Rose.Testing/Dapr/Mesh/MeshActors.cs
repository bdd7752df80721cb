using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Rose.Testing.Dapr.Mesh;

/// <summary>
/// The actor part of daprd's HTTP API across the mesh (dapr/dapr <c>pkg/api/http/http.go</c>
/// <c>onDirectActorMessage</c>, <c>onGetActorState</c>, <c>onActorStateTransaction</c>):
/// <list type="bullet">
/// <item>Placement: the hosts of an actor type are the connected replicas whose app lists it in
/// <c>entities</c> of <c>GET /dapr/config</c> (read once per connection, as daprd does when its app
/// starts); an actor id lives on one of them, chosen by a stable hash of the id, so every caller —
/// whichever replica it runs on — reaches the same activation (dapr/dapr <c>pkg/placement/hashing</c>).</item>
/// <item>Turn-based concurrency: one call at a time per actor id, the next waiting for the previous
/// (dapr/dapr <c>pkg/actors/internal/locker</c>); reentrancy is not modelled. No test shows this lock: the
/// .NET actor runtime's HTTP handler was seen to run one call at a time on its own.</item>
/// <item>A call to <c>/v1.0/actors/{type}/{id}/method/{name}</c> becomes the host app's
/// <c>PUT /actors/{type}/{id}/method/{name}</c> with the headers and body (the .NET remoting headers travel
/// as they are) and the app token; the app's answer comes back as it is.</item>
/// <item>Actor state lives in the actor state store (<see cref="DaprTestMeshOptions.ActorStateStore"/>, on
/// Redis when the mesh has one) under daprd's key <c>{hostAppId}||{type}||{id}||{key}</c>: <c>GET …/state/{key}</c>
/// answers 200 with the value or 204; <c>PUT|POST …/state</c> applies <c>upsert</c>/<c>delete</c> operations.</item>
/// </list>
/// Not modelled: rebalancing when hosts come and go (the hash is over the hosts connected at the call),
/// idle deactivation, reminders and timers.
/// </summary>
internal sealed class MeshActors(DaprTestMesh mesh)
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Transfer-Encoding", "Connection", "dapr-api-token",
    };

    private readonly ConcurrentDictionary<string, SemaphoreSlim> turns = new(StringComparer.Ordinal);

    /// <summary>Every actor call routed: (actor type, actor id, method, the replica that ran it).</summary>
    public ConcurrentQueue<(string ActorType, string ActorId, string Method, string ReplicaId)> Calls { get; } = new();

    public const string Prefix = "/v1.0/actors/";

    public async Task HandleAsync(HttpContext context, string path)
    {
        // {type}/{id}/method/{name} | {type}/{id}/state/{key} | {type}/{id}/state
        var parts = path[Prefix.Length..].Split('/', 4);
        if (parts.Length < 3)
        {
            await NotFoundAsync(context, path);
            return;
        }

        var actorType = Uri.UnescapeDataString(parts[0]);
        var actorId = Uri.UnescapeDataString(parts[1]);
        var host = await HostOfAsync(actorType, actorId);
        if (host is null)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsJsonAsync(new { errorCode = "ERR_ACTOR_INSTANCE_MISSING", message = $"did not find address for actor {actorType}/{actorId}" });
            return;
        }

        switch (parts[2])
        {
            case "method" when parts.Length == 4:
                await InvokeAsync(context, host, actorType, actorId, parts[3]);
                return;
            case "state" when parts.Length == 4 && HttpMethods.IsGet(context.Request.Method):
                await GetStateAsync(context, host, actorType, actorId, Uri.UnescapeDataString(parts[3]));
                return;
            case "state" when parts.Length == 3 && (HttpMethods.IsPut(context.Request.Method) || HttpMethods.IsPost(context.Request.Method)):
                await TransactStateAsync(context, host, actorType, actorId);
                return;
            default:
                await NotFoundAsync(context, path);
                return;
        }
    }

    private async Task<MeshSidecar?> HostOfAsync(string actorType, string actorId)
    {
        var hosts = new List<MeshSidecar>();
        foreach (var replica in mesh.AllReplicas.Where(r => r.HasApp).OrderBy(r => r.ReplicaId, StringComparer.Ordinal))
        {
            if ((await replica.ActorTypesAsync()).Contains(actorType, StringComparer.Ordinal))
            {
                hosts.Add(replica);
            }
        }

        return hosts.Count == 0 ? null : hosts[(int)(StableHash(actorId) % (uint)hosts.Count)];
    }

    private async Task InvokeAsync(HttpContext context, MeshSidecar host, string actorType, string actorId, string method)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/actors/{Uri.EscapeDataString(actorType)}/{Uri.EscapeDataString(actorId)}/method/{method}");
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        request.Content = new ByteArrayContent(body.ToArray());
        foreach (var (name, values) in context.Request.Headers)
        {
            if (!HopHeaders.Contains(name) && !request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        host.AddAppToken(request);
        var turn = turns.GetOrAdd($"{actorType}||{actorId}", _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(context.RequestAborted);
        try
        {
            Calls.Enqueue((actorType, actorId, method, host.ReplicaId));
            using var response = await host.AppChannel.SendAsync(request, context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                if (!HopHeaders.Contains(name))
                {
                    context.Response.Headers[name] = values.ToArray();
                }
            }

            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
        finally
        {
            turn.Release();
        }
    }

    private async Task GetStateAsync(HttpContext context, MeshSidecar host, string actorType, string actorId, string key)
    {
        var item = await mesh.StateStore(mesh.Options.ActorStateStore).GetAsync(StateKey(host, actorType, actorId, key));
        if (item is null)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(item.Data, context.RequestAborted);
    }

    private async Task TransactStateAsync(HttpContext context, MeshSidecar host, string actorType, string actorId)
    {
        var store = mesh.StateStore(mesh.Options.ActorStateStore);
        using var operations = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        foreach (var operation in operations.RootElement.EnumerateArray())
        {
            var request = operation.GetProperty("request");
            var key = StateKey(host, actorType, actorId, request.GetProperty("key").GetString()!);
            if (string.Equals(operation.GetProperty("operation").GetString(), "delete", StringComparison.OrdinalIgnoreCase))
            {
                await store.DeleteAsync(key, etag: null);
            }
            else
            {
                await store.SetAsync(key, Encoding.UTF8.GetBytes(request.GetProperty("value").GetRawText()), etag: null, firstWrite: false, ttlInSeconds: null);
            }
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static string StateKey(MeshSidecar host, string actorType, string actorId, string key) => $"{host.AppId}||{actorType}||{actorId}||{key}";

    // FNV-1a: stable across processes, unlike string.GetHashCode.
    private static uint StableHash(string value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private static async Task NotFoundAsync(HttpContext context, string path)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        await context.Response.WriteAsJsonAsync(new { errorCode = "ERR_NOT_FOUND", message = $"the Dapr test mesh does not serve {path}" });
    }
}
