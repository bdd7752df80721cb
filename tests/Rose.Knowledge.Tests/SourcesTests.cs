using Rose.Knowledge.Data;
using Rose.Knowledge.Tests.Fixtures;
using Rose.Storage;
using Rose.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rose.Knowledge.Tests;

/// <summary>Sitemaps and Google Drive, against local stubs that speak the web's and Drive v3's protocols.</summary>
public sealed class SourcesTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("rose-knowledge-sources-").FullName;
    private readonly ExternalApiStub stub = new();
    private KnowledgeTestHost host = null!;

    public async Task InitializeAsync() =>
        host = await KnowledgeTestHost.StartAsync(StorageProvider.Sqlite, $"Data Source={Path.Combine(folder, "rose.db")};Pooling=false", new Dictionary<string, string?>
        {
            ["Rose:Knowledge:GoogleDrive:BaseUrl"] = stub.Url + "/",
            ["Rose:Knowledge:AllowPrivateNetworks"] = "true",
        });

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        stub.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Sitemap_loads_same_host_pages_and_honours_robots_txt()
    {
        Serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private\n");
        Serve("/sitemap.xml", "application/xml", $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>{stub.Url}/pricing</loc></url>
              <url><loc>{stub.Url}/private/roadmap</loc></url>
              <url><loc>https://elsewhere.invalid/page</loc></url>
            </urlset>
            """);
        Serve("/pricing", "text/html", "<html><head><title>Pricing</title></head><body><main><h1>Pricing</h1><p>The Starter plan costs 49 euros a month.</p></main></body></html>");

        var views = await host.AsTenantAsync("acme", i => i.SubmitSitemapAsync(stub.Url + "/sitemap.xml", CancellationToken.None));

        Assert.Equal(2, views.Count);
        var pricing = await FindAsync(views.Single(v => v.Url!.EndsWith("/pricing", StringComparison.Ordinal)).Id);
        Assert.Equal(DocumentStatus.Indexed, pricing.Status);
        Assert.Equal("Pricing", pricing.Title);
        var roadmap = await FindAsync(views.Single(v => v.Url!.Contains("/private/", StringComparison.Ordinal)).Id);
        Assert.Equal(DocumentStatus.Failed, roadmap.Status);
        Assert.Contains("robots.txt", roadmap.Error, StringComparison.Ordinal);
        Assert.Equal(0, stub.CallsTo("/private/roadmap"));
        Assert.Contains("49 euros", (await host.SearchAsync("acme", "starter plan price"))[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Google_drive_folder_loads_docs_and_files_and_fails_a_broken_download_alone()
    {
        stub.Server.Given(Request.Create().WithPath("/drive/v3/files").WithHeader("Authorization", "Bearer drive-token").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""
                {"files": [
                  {"id": "doc1", "name": "Onboarding", "mimeType": "application/vnd.google-apps.document", "webViewLink": "https://docs.google.com/document/d/doc1/edit#heading=h.1"},
                  {"id": "pdf1", "name": "warranty.pdf", "mimeType": "application/pdf"},
                  {"id": "img1", "name": "logo.png", "mimeType": "image/png"},
                  {"id": "bad1", "name": "broken.pdf", "mimeType": "application/pdf"}
                ]}
                """));
        stub.Server.Given(Request.Create().WithPath("/drive/v3/files/doc1/export").WithParam("mimeType", "text/html").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "text/html").WithBody("<html><body><h1>Onboarding</h1><p>New customers get a kickoff call in their first week.</p></body></html>"));
        stub.Server.Given(Request.Create().WithPath("/drive/v3/files/pdf1").WithParam("alt", "media").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/pdf").WithBody(TestDocuments.Pdf()));
        stub.Server.Given(Request.Create().WithPath("/drive/v3/files/bad1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(500).WithBody("backend error"));

        var views = await host.AsTenantAsync("acme", i => i.SubmitGoogleDriveFolderAsync("folder-1", "drive-token", CancellationToken.None));

        Assert.Equal(3, views.Count);
        var statuses = new List<(string Title, DocumentStatus Status, string? Error)>();
        foreach (var view in views)
        {
            var stored = await FindAsync(view.Id);
            statuses.Add((stored.Title, stored.Status, stored.Error));
        }

        Assert.Contains(statuses, s => s is { Title: "Onboarding", Status: DocumentStatus.Indexed });
        Assert.Contains(statuses, s => s.Status == DocumentStatus.Indexed && s.Title != "Onboarding");
        Assert.Contains(statuses, s => s.Status == DocumentStatus.Failed && s.Error!.Contains("Google Drive", StringComparison.Ordinal));
        var hit = (await host.SearchAsync("acme", "kickoff call for new customers"))[0];
        Assert.Equal("https://docs.google.com/document/d/doc1/edit#heading=h.1", hit.SourceUrl);
    }

    [Fact]
    public async Task Sitemap_on_a_private_address_is_refused_by_default()
    {
        await using var strict = await KnowledgeTestHost.StartAsync(StorageProvider.Sqlite, $"Data Source={Path.Combine(folder, "strict.db")};Pooling=false");
        Serve("/sitemap.xml", "application/xml", "<urlset/>");

        var error = await Assert.ThrowsAsync<Rose.Knowledge.Ingestion.KnowledgeValidationException>(
            () => strict.AsTenantAsync("acme", i => i.SubmitSitemapAsync(stub.Url + "/sitemap.xml", CancellationToken.None)));

        Assert.Contains("private or local address", error.Errors["url"][0], StringComparison.Ordinal);
        Assert.Equal(0, stub.CallsTo("/sitemap.xml"));
    }

    private void Serve(string path, string contentType, string body) =>
        stub.Server.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", contentType).WithBody(body));

    private async Task<Rose.Knowledge.Ingestion.DocumentView> FindAsync(string id) =>
        (await host.AsTenantAsync("acme", i => i.FindAsync(id, CancellationToken.None)))!;
}
