using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Rose.Platform.Tests.Support;

/// <summary>
/// A generic host on the embedded runtime over a given data folder, with test-sized back-off.
/// Building a second one on the same folder is how a test restarts "the process".
/// </summary>
public static class EmbeddedPlatformHost
{
    public const int MaxRetries = 3;

    public static IHost Build(string dataPath, Action<IServiceCollection, IConfiguration> configure, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rose:Runtime"] = "Embedded",
            ["Rose:DataPath"] = dataPath,
            ["Rose:Platform:Outbox:MaxRetries"] = MaxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Rose:Platform:Outbox:InitialBackoff"] = "00:00:00.010",
            ["Rose:Platform:Outbox:MaxBackoff"] = "00:00:00.040",
            ["Rose:Platform:Outbox:PollInterval"] = "00:00:00.500",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddRosePlatform(builder.Configuration);
        configure(builder.Services, builder.Configuration);
        return builder.Build();
    }

    public static async Task<IHost> StartAsync(string dataPath, Action<IServiceCollection, IConfiguration> configure, IDictionary<string, string?>? settings = null)
    {
        var host = Build(dataPath, configure, settings);
        await host.StartAsync();
        return host;
    }
}
