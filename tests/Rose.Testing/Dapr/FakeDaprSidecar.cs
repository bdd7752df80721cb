using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Rose.Testing.Dapr;

/// <summary>
/// A stand-in for daprd on loopback, for tests of a real <c>DaprClient</c>: the gRPC runtime
/// service on an HTTP/2 port (<see cref="Runtime"/>) and the HTTP API's invocation and health routes on
/// an HTTP/1 port, with the output binding <c>blobstore</c> as bindings.localstorage on a temporary
/// folder (<see cref="FakeLocalStorageBinding"/>). No daprd binary is involved.
/// </summary>
public sealed class FakeDaprSidecar : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeDaprSidecar(WebApplication app, int grpcPort, int httpPort)
    {
        this.app = app;
        GrpcEndpoint = $"http://127.0.0.1:{grpcPort}";
        HttpEndpoint = $"http://127.0.0.1:{httpPort}";
    }

    public FakeDaprRuntime Runtime { get; } = new();

    /// <summary>The folder of the <c>blobstore</c> local-storage binding (deleted with the sidecar).</summary>
    public string BlobRootPath { get; } = Directory.CreateTempSubdirectory("rose-fake-dapr-blobs-").FullName;

    public FakeTaskHub Workflows { get; } = new();

    /// <summary>Actor invocation and actor state; set <see cref="FakeActorHost.AppChannel"/> for an app that hosts actors.</summary>
    public FakeActorHost Actors { get; } = new();

    public ConcurrentQueue<RecordedInvocation> Invocations { get; } = new();

    public string GrpcEndpoint { get; }

    public string HttpEndpoint { get; }

    /// <summary>The settings that point an app's <c>AddDaprClient()</c> at this sidecar.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["DAPR_GRPC_ENDPOINT"] = GrpcEndpoint,
        ["DAPR_HTTP_ENDPOINT"] = HttpEndpoint,
    };

    public static async Task<FakeDaprSidecar> StartAsync()
    {
        var grpcPort = FreePort.Next();
        var httpPort = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(System.Net.IPAddress.Loopback, grpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(System.Net.IPAddress.Loopback, httpPort, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddGrpc();
        FakeDaprSidecar? sidecar = null;
        builder.Services.AddSingleton(_ => sidecar!.Runtime);
        builder.Services.AddSingleton(_ => sidecar!.Workflows);
        var app = builder.Build();
        sidecar = new FakeDaprSidecar(app, grpcPort, httpPort);
        sidecar.Actors.Map(app);
        sidecar.Runtime.LocalStorageBindings["blobstore"] = new FakeLocalStorageBinding("blobstore", sidecar.BlobRootPath);
        app.MapGrpcService<FakeDaprRuntime>();
        app.MapGrpcService<FakeTaskHub>();
        app.MapGet("/v1.0/healthz", () => Results.NoContent());
        app.MapGet("/v1.0/healthz/outbound", () => Results.NoContent());
        app.Map("/v1.0/invoke/{appId}/method/{**method}", async (HttpContext context, string appId, string method) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            sidecar.Invocations.Enqueue(new RecordedInvocation(context.Request.Method, appId, method, body, context.Request.Headers["dapr-api-token"].FirstOrDefault()));
            return Results.Json(new { appId, method });
        });
        await app.StartAsync();
        return sidecar;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Directory.Delete(BlobRootPath, recursive: true);
    }
}
