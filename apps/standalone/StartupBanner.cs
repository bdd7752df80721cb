using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Rose.Standalone;

/// <summary>
/// Prints where Rose listens once Kestrel has bound its addresses, and then when the demo knowledge
/// base is ready to answer (until then <c>/health</c> says not ready and the demo knows nothing yet).
/// </summary>
public sealed class StartupBanner(
    IServer server, IHostApplicationLifetime lifetime, DemoKnowledgeLoading demoKnowledge, ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                logger.LogInformation("Rose is running at {Url} (health: {Url}/health, OpenAPI: {Url}/openapi/v1.json)", address, address, address);
                logger.LogInformation("Backoffice: sign in at {Url}/backoffice/login with the demo owner's e-mail and password", address);
            }

            _ = AnnounceDemoKnowledgeAsync(addresses.FirstOrDefault());
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task AnnounceDemoKnowledgeAsync(string? address)
    {
        try
        {
            if (await demoKnowledge.Finished.WaitAsync(lifetime.ApplicationStopping) is { } loaded)
            {
                var documents = loaded.Documents;
                logger.LogInformation(
                    "Demo knowledge base ready: {Indexed} of {Total} documentation pages indexed ({Failed} failed) in {Seconds:F1} s; ask the widget at {Url}/demo",
                    documents.Indexed, documents.Total, documents.Failed, loaded.Took.TotalSeconds, address);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped before the docs were loaded: there is nothing to announce.
        }
    }
}
