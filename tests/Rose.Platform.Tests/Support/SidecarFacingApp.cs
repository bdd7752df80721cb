using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rose.Testing;

namespace Rose.Platform.Tests.Support;

/// <summary>
/// A Rose app (Dapr runtime unless the settings say otherwise) on real Kestrel on loopback, so a
/// test can call it the way the sidecar does (with or without <c>APP_API_TOKEN</c>).
/// </summary>
public sealed class SidecarFacingApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private SidecarFacingApp(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<SidecarFacingApp> StartAsync(
        IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection, IConfiguration> configure,
        Action<WebApplication>? map = null,
        string environment = "Production")
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        // Its own data folder (the outbox's database): tests never share one.
        var dataPath = Directory.CreateTempSubdirectory("rose-sidecar-app-").FullName;
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Rose:Runtime"] = "Dapr", ["Rose:DataPath"] = dataPath });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddRosePlatform(builder.Configuration);
        configure(builder.Services, builder.Configuration);
        var app = builder.Build();
        app.MapRosePlatform();
        map?.Invoke(app);
        await app.StartAsync();
        return new SidecarFacingApp(app, new Uri($"http://127.0.0.1:{port}"));
    }

    public HttpClient CreateClient(string? appToken)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (appToken is not null)
        {
            client.DefaultRequestHeaders.Add("dapr-api-token", appToken);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
