using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rose.Platform.Invocation;

namespace Rose.Platform.Embedded;

/// <summary>
/// Embedded invocation: every app lives in this process, so a call to any app-id is an HTTP call
/// to this server (<c>Rose:Platform:SelfUrl</c>, or the first address Kestrel listens on).
/// </summary>
/// <remarks>The server is looked up on first use: a host without one (a console worker) still starts.</remarks>
public sealed class LoopbackServiceInvoker(IHttpClientFactory clients, IServiceProvider services, IOptions<PlatformOptions> options) : IServiceInvoker
{
    public const string ClientName = "rose-loopback";

    public HttpClient CreateClient(string appId)
    {
        if (!AppIds.All.Contains(appId))
        {
            throw new ArgumentException($"'{appId}' is not a Rose app-id.", nameof(appId));
        }

        var client = clients.CreateClient(ClientName);
        client.BaseAddress = options.Value.SelfUrl ?? OwnAddress();
        return client;
    }

    private Uri OwnAddress()
    {
        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("This server has no address yet; set Rose:Platform:SelfUrl.");
        // Kestrel reports wildcard bindings; call them through loopback.
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }

        return uri.Uri;
    }
}
