using Rose.Testing;
using Xunit;

namespace Rose.Widget.Tests;

/// <summary>
/// One real standalone host for the whole browser suite, with fixed demo keys so tests can call
/// the widget and management APIs. Starting it once keeps the suite well under two minutes.
/// </summary>
public sealed class StandaloneHostFixture : IAsyncLifetime
{
    public const string PublicKey = "pk_widget_tests_0123456789abcdef";
    public const string ApiKey = "rk_widget_tests_0123456789abcdef";

    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "rose-widget-tests-" + Guid.NewGuid().ToString("N"));
    private StandaloneProcess? host;

    public Uri Address => Host.Address;

    public StandaloneProcess Host => host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync()
    {
        host = StandaloneProcess.Start(dataPath, new Dictionary<string, string>
        {
            ["Rose__Demo__PublicKey"] = PublicKey,
            ["Rose__Demo__ApiKey"] = ApiKey,
        });
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        if (Directory.Exists(dataPath))
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }
}
