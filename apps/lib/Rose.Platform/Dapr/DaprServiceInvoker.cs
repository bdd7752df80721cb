using System.Collections.Concurrent;
using Dapr.Client;
using Microsoft.Extensions.Configuration;
using Rose.Platform.Invocation;

namespace Rose.Platform.Dapr;

/// <summary>Invocation through the sidecar: one <see cref="DaprClient.CreateInvokeHttpClient"/> client per app-id, kept for the app's life.</summary>
public sealed class DaprServiceInvoker(IConfiguration configuration) : IServiceInvoker, IDisposable
{
    private readonly ConcurrentDictionary<string, HttpClient> clients = new(StringComparer.Ordinal);

    public HttpClient CreateClient(string appId)
    {
        if (!AppIds.All.Contains(appId))
        {
            throw new ArgumentException($"'{appId}' is not a Rose app-id.", nameof(appId));
        }

        return clients.GetOrAdd(appId, id => DaprClient.CreateInvokeHttpClient(id, DaprSettings.HttpEndpoint(configuration), DaprSettings.ApiToken(configuration)));
    }

    public void Dispose()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }
}
