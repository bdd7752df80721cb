using System.Text;
using Microsoft.Extensions.Configuration;
using Rose.Platform.Embedded;
using Rose.Platform.Tests.Support;
using Xunit;

namespace Rose.Platform.Tests.Embedded;

public sealed class FileBlobStoreTests : IDisposable
{
    private readonly TempDataFolder folder = new();
    private readonly FileBlobStore blobs;

    public FileBlobStoreTests()
    {
        blobs = new FileBlobStore(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Rose:DataPath"] = folder.Path }).Build());
    }

    [Fact]
    public async Task Put_get_list_delete_round_trip_within_a_tenant()
    {
        await blobs.PutAsync("acme", "geo/faq.html", Encoding.UTF8.GetBytes("<h1>FAQ</h1>"));
        await blobs.PutAsync("acme", "geo/sitemap.xml", Encoding.UTF8.GetBytes("<urlset/>"));
        await blobs.PutAsync("acme", "uploads/a.pdf", new byte[] { 1, 2, 3 });

        Assert.Equal("<h1>FAQ</h1>", Encoding.UTF8.GetString((await blobs.GetAsync("acme", "geo/faq.html"))!));
        Assert.Equal(["geo/faq.html", "geo/sitemap.xml"], await blobs.ListAsync("acme", "geo/"));

        await blobs.DeleteAsync("acme", "geo/faq.html");

        Assert.Null(await blobs.GetAsync("acme", "geo/faq.html"));
        Assert.True(File.Exists(Path.Combine(folder.Path, "blobs", "acme", "uploads", "a.pdf")));
    }

    [Fact]
    public async Task Another_tenant_sees_nothing()
    {
        await blobs.PutAsync("acme", "geo/faq.html", new byte[] { 1 });

        Assert.Null(await blobs.GetAsync("globex", "geo/faq.html"));
        Assert.Empty(await blobs.ListAsync("globex"));
    }

    [Theory]
    [InlineData("../globex/geo/faq.html")]
    [InlineData("/etc/passwd")]
    [InlineData("geo//faq.html")]
    [InlineData("geo\\faq.html")]
    public async Task Path_that_could_leave_the_tenant_folder_is_refused(string path)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => blobs.PutAsync("acme", path, new byte[] { 1 }));
    }

    public void Dispose() => folder.Dispose();
}
