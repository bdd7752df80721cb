using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rose.Geo.Site;
using Rose.Platform.Bindings;
using Rose.Platform.Embedded;
using Rose.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Rose.Geo.Tests.Site;

/// <summary>
/// The standalone host (embedded runtime, no demo tenant) with IndexNow at a WireMock stub, DNS at a
/// <see cref="TxtDnsServer"/> and the HTTP challenge file at a second stub.
/// </summary>
internal sealed class GeoSiteHost : IAsyncDisposable
{
    public const string PublicBaseUrl = "http://rose.test";

    private readonly RoseAppFactory<Program> factory;
    private readonly WebApplicationFactory<Program> app;

    public GeoSiteHost(int indexNowStatus = 200, bool gated = false)
    {
        IndexNow.Server.Given(Request.Create().WithPath("/indexnow").UsingPost()).RespondWith(Response.Create().WithStatusCode(indexNowStatus));
        factory = new RoseAppFactory<Program>()
            .With("Rose:Demo:Enabled", "false")
            .With("Rose:Geo:PublicBaseUrl", PublicBaseUrl)
            .With("Rose:Geo:IndexNow:Endpoint", IndexNow.Url + "/indexnow")
            .With("Rose:Geo:Hostnames:DnsServers:0", Dns.EndPoint)
            .With("Rose:Geo:Hostnames:CheckTimeout", "00:00:02")
            .With("Rose:Geo:Hostnames:HttpChallengeUrl", ChallengeFiles.Url + "/{host}/.well-known/rose-challenge.txt");
        app = factory.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
        {
            if (gated)
            {
                services.TryAddSingleton<FileBlobStore>();
                services.Replace(ServiceDescriptor.Singleton<IBlobStore>(provider => provider.GetRequiredService<GatedBlobStore>()));
                services.AddSingleton(provider => new GatedBlobStore(provider.GetRequiredService<FileBlobStore>()));
            }
        }));
        Client = app.CreateClient();
        Staff = app.CreateClient();
        Staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RoseAppFactory<Program>.StaffKey);
    }

    public ExternalApiStub IndexNow { get; } = new();

    public ExternalApiStub ChallengeFiles { get; } = new();

    public TxtDnsServer Dns { get; } = new();

    public HttpClient Client { get; }

    public HttpClient Staff { get; }

    public IServiceProvider Services => app.Services;

    public GatedBlobStore Gate => app.Services.GetRequiredService<GatedBlobStore>();

    public IReadOnlyList<WireMock.Logging.ILogEntry> IndexNowPosts => [.. IndexNow.Server.LogEntries.Where(e => e.RequestMessage.Path == "/indexnow")];

    public async Task CreateTenantAsync(string tenantId)
    {
        var response = await Staff.PostAsJsonAsync("/admin/v1/tenants", new { tenantId, name = tenantId.ToUpperInvariant() + " Inc" });
        response.EnsureSuccessStatusCode();
    }

    public async Task<GeoPublishOutcome> PublishAsync(string tenantId, string publishId, IReadOnlyList<GeoPage> pages)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IGeoSitePublisher>().PublishAsync(tenantId, publishId, pages);
    }

    public static string Url(string tenantId, string path = "") => $"{PublicBaseUrl}/geo/{tenantId}/{path}";

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Staff.Dispose();
        await app.DisposeAsync();
        await factory.DisposeAsync();
        IndexNow.Dispose();
        ChallengeFiles.Dispose();
        Dns.Dispose();
    }
}
