using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Rose.AppHost;

/// <summary>Healthy once a local server accepts TCP connections, so that apps wait for it rather than crash.</summary>
public static class TcpHealthCheck
{
    public static string Register(IDistributedApplicationBuilder builder, string name, int port)
    {
        builder.Services.AddHealthChecks().AddAsyncCheck(name, async cancellationToken =>
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port, cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (SocketException e)
            {
                return HealthCheckResult.Unhealthy($"Nothing listens on port {port} yet.", e);
            }
        });
        return name;
    }
}
