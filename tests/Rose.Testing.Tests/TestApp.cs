using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rose.Testing.Dapr.Mesh;

namespace Rose.Testing.Tests;

/// <summary>
/// A tiny real app host for mesh tests: Kestrel on the sidecar's app port, configured with the sidecar's
/// settings, a real <c>DaprClient</c>, <c>UseCloudEvents</c> and <c>MapSubscribeHandler</c> — what a Rose app
/// does, without Rose.
/// </summary>
internal sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestApp(WebApplication app, MeshSidecar sidecar)
    {
        this.app = app;
        Sidecar = sidecar;
    }

    public MeshSidecar Sidecar { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<TestApp> StartAsync(MeshSidecar sidecar, Action<WebApplication> map, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(sidecar.Settings);
        // Port 0: the kernel picks a port nobody holds; the sidecar is told the real address below.
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddDaprClient();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseCloudEvents();
        app.MapSubscribeHandler();
        map(app);
        await app.StartAsync();
        sidecar.ConnectApp(new Uri(app.Urls.First()));
        return new TestApp(app, sidecar);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
