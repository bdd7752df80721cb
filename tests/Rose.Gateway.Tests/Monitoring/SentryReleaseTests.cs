using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rose.Testing;
using Sentry;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rose.Gateway.Tests.Monitoring;

/// <summary>ServiceDefaults' Sentry setup, through the gateway's real host, against a stub of Sentry's envelope endpoint.</summary>
public sealed class SentryReleaseTests : IDisposable
{
    private const string ProjectId = "31";
    private readonly ExternalApiStub sentry = new();

    public SentryReleaseTests()
    {
        sentry.Server.Given(Request.Create().WithPath($"/api/{ProjectId}/envelope/").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"id":"00000000000000000000000000000001"}"""));
    }

    [Fact]
    public async Task AddServiceDefaults_tags_sentry_events_with_release_environment_and_app()
    {
        await using var gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Staging");
            builder.UseSetting("Rose:Gateway:Destinations:search", sentry.Url);
            builder.UseSetting("SENTRY_DSN", $"http://serverkey@127.0.0.1:{new Uri(sentry.Url).Port}/{ProjectId}");
            builder.UseSetting("SENTRY_RELEASE", "rose@1.2.3-test");
        });
        using var client = gateway.CreateClient();
        var hub = gateway.Services.GetRequiredService<IHub>();

        hub.CaptureMessage("release tagging check");
        await hub.FlushAsync(TimeSpan.FromSeconds(10));

        await Eventually.UntilAsync(() => sentry.Server.LogEntries.Any(), TimeSpan.FromSeconds(10), "an envelope at the Sentry stub");
        var envelope = Body(Assert.Single(sentry.Server.LogEntries, e => Body(e.RequestMessage.BodyAsBytes).Contains("release tagging check", StringComparison.Ordinal)).RequestMessage.BodyAsBytes);
        Assert.Contains("\"release\":\"rose@1.2.3-test\"", envelope, StringComparison.Ordinal);
        Assert.Contains("\"environment\":\"staging\"", envelope, StringComparison.Ordinal);
        Assert.Contains("\"rose.app\":\"Rose.Gateway\"", envelope, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultRelease_names_rose_and_the_entry_assemblys_version()
    {
        Assert.Matches(@"^rose@\d+\.\d+\.\d+", ServiceDefaultsExtensions.DefaultRelease());
    }

    public void Dispose() => sentry.Dispose();

    /// <summary>The envelope as text, gunzipped when the SDK compressed it and the stub did not.</summary>
    private static string Body(byte[]? bytes)
    {
        if (bytes is null)
        {
            return string.Empty;
        }

        if (bytes.Length > 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gzip.CopyTo(plain);
            bytes = plain.ToArray();
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
