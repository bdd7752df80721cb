using WireMock.Server;
using WireMock.Settings;

namespace Rose.Testing;

/// <summary>
/// A local HTTP server that speaks an external provider's wire protocol (OpenAI, Anthropic,
/// Google Drive, HubSpot…), for tests of real clients. Mock only what is outside our control.
/// </summary>
public sealed class ExternalApiStub : IDisposable
{
    public ExternalApiStub()
    {
        Server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort.Next()}"] });
    }

    public WireMockServer Server { get; }

    /// <summary>Base address, e.g. <c>http://127.0.0.1:54321</c>, without a trailing slash.</summary>
    public string Url => Server.Url!;

    public Uri Uri(string path = "/") => new(new Uri(Url), path);

    /// <summary>How many requests reached <paramref name="path"/>.</summary>
    public int CallsTo(string path) => Server.LogEntries.Count(e => e.RequestMessage.Path == path);

    public void Dispose() => Server.Stop();
}
