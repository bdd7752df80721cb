using System.Text;
using System.Text.Json;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rose.Platform.Bindings;
using Rose.Testing.Dapr;
using Xunit;

namespace Rose.Platform.Tests.Dapr;

/// <summary>
/// The Dapr blob adapter against a fake sidecar: on local storage (the fake binding follows
/// components-contrib's localstorage.go) end to end, on S3/GCS/Azure with the answers their
/// components give (scripted from their sources).
/// </summary>
public sealed class DaprBlobStoreTests : IAsyncLifetime
{
    private FakeDaprSidecar sidecar = null!;
    private readonly List<ServiceProvider> providers = [];

    public async Task InitializeAsync() => sidecar = await FakeDaprSidecar.StartAsync();

    [Fact]
    public async Task Blobs_round_trip_through_local_storage_with_tenant_relative_names()
    {
        var blobs = BlobStore("localstorage");
        await blobs.PutAsync("acme", "geo/faq.html", Encoding.UTF8.GetBytes("<h1>FAQ</h1>"));
        await blobs.PutAsync("acme", "uploads/c.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46 });
        await blobs.PutAsync("globex", "geo/b.html", Encoding.UTF8.GetBytes("other tenant"));

        Assert.Equal("<h1>FAQ</h1>", Encoding.UTF8.GetString((await blobs.GetAsync("acme", "geo/faq.html"))!));
        Assert.Equal(["geo/faq.html"], await blobs.ListAsync("acme", "geo/"));
        Assert.Equal(["geo/faq.html", "uploads/c.pdf"], await blobs.ListAsync("acme"));
        await blobs.DeleteAsync("acme", "geo/faq.html");
        Assert.Null(await blobs.GetAsync("acme", "geo/faq.html"));
        Assert.Equal(["uploads/c.pdf"], await blobs.ListAsync("acme"));

        var create = sidecar.Runtime.Bindings.First();
        Assert.Equal(("blobstore", "create", "acme/geo/faq.html"), (create.Name, create.Operation, create.Metadata["fileName"]));
        Assert.True(File.Exists(Path.Combine(sidecar.BlobRootPath, "acme", "uploads", "c.pdf")));
    }

    [Fact]
    public async Task List_asks_local_storage_for_the_tenant_folder_only()
    {
        var blobs = BlobStore("localstorage");
        await blobs.PutAsync("acme", "geo/a.html", Encoding.UTF8.GetBytes("a"));

        await blobs.ListAsync("acme", "geo/");

        var list = sidecar.Runtime.Bindings.Single(b => b.Operation == "list");
        Assert.Equal("acme", list.Metadata["fileName"]);
    }

    [Fact]
    public async Task List_of_a_tenant_that_never_wrote_is_empty_and_get_of_a_missing_blob_is_null()
    {
        var blobs = BlobStore("localstorage");

        Assert.Empty(await blobs.ListAsync("newcomer"));
        Assert.Null(await blobs.GetAsync("newcomer", "geo/none.html"));
        await blobs.DeleteAsync("newcomer", "geo/none.html");
    }

    [Fact]
    public void Local_storage_paths_map_back_to_names_even_when_a_path_repeats_the_tenant_folder()
    {
        var names = global::Rose.Platform.Dapr.Blobs.LocalStorageBlobProtocol.ToStoredNames(
            ["/srv/blobs/acme/geo/acme/page.html", "/srv/blobs/acme/index.html"], "acme");

        Assert.Equal(["acme/geo/acme/page.html", "acme/index.html"], names);
    }

    [Theory]
    [InlineData("s3", "key")]
    [InlineData("gcs", "key")]
    [InlineData("azure", "blobName")]
    [InlineData("localstorage", "fileName")]
    public async Task Put_names_the_object_by_the_metadata_key_of_the_binding_kind(string kind, string key)
    {
        sidecar.Runtime.BindingResponder = _ => new InvokeBindingResponse();

        await BlobStore(kind).PutAsync("acme", "geo/faq.html", Encoding.UTF8.GetBytes("x"));

        var request = Assert.Single(sidecar.Runtime.Bindings);
        Assert.Equal("acme/geo/faq.html", request.Metadata[key]);
        Assert.Single(request.Metadata);
    }

    [Fact]
    public async Task S3_list_sends_prefix_max_results_and_marker_and_follows_truncated_pages()
    {
        sidecar.Runtime.BindingResponder = request =>
            JsonDocument.Parse(request.Data.ToStringUtf8()).RootElement.GetProperty("marker").GetString() switch
            {
                "" => Answer("""{"Contents":[{"Key":"acme/geo/a.html","Size":1},{"Key":"acme/geo/b.html"}],"IsTruncated":true,"NextMarker":null,"Name":"rose-pages"}"""),
                "acme/geo/b.html" => Answer("""{"Contents":[{"Key":"acme/geo/c.html"}],"IsTruncated":false,"NextMarker":null}"""),
                var other => throw new InvalidOperationException("unexpected marker " + other),
            };

        var names = await BlobStore("s3").ListAsync("acme", "geo/");

        Assert.Equal(["geo/a.html", "geo/b.html", "geo/c.html"], names);
        var first = JsonDocument.Parse(sidecar.Runtime.Bindings.First().Data.ToStringUtf8()).RootElement;
        Assert.Equal("acme/geo/", first.GetProperty("prefix").GetString());
        Assert.Equal(1000, first.GetProperty("maxResults").GetInt32());
    }

    [Fact]
    public async Task Gcs_and_azure_list_read_the_names_of_the_objects_they_answer()
    {
        sidecar.Runtime.BindingResponder = _ => Answer("""[{"Name":"acme/geo/a.html","Bucket":"rose-pages"},{"Name":"acme/geo/b.html"}]""");

        Assert.Equal(["geo/a.html", "geo/b.html"], await BlobStore("gcs").ListAsync("acme", "geo/"));
        Assert.Equal(["geo/a.html", "geo/b.html"], await BlobStore("azure").ListAsync("acme", "geo/"));
        Assert.All(sidecar.Runtime.Bindings, b => Assert.Equal("acme/geo/", JsonDocument.Parse(b.Data.ToStringUtf8()).RootElement.GetProperty("prefix").GetString()));
    }

    [Theory]
    [InlineData("s3", "object not found")]
    [InlineData("gcs", "object not found")]
    [InlineData("azure", "blob not found")]
    public async Task Get_of_a_missing_object_is_null_for_the_error_its_binding_returns(string kind, string error)
    {
        sidecar.Runtime.BindingResponder = _ => throw BindingError(error);

        Assert.Null(await BlobStore(kind).GetAsync("acme", "geo/none.html"));
    }

    [Fact]
    public async Task Get_fails_loudly_when_the_bucket_does_not_exist()
    {
        // Not a missing object: a misconfigured component, which must not look like an empty store.
        sidecar.Runtime.BindingResponder = _ => throw BindingError("s3 binding error: error downloading S3 object: operation error S3: GetObject, api error NoSuchBucket: The specified bucket does not exist");

        await Assert.ThrowsAsync<global::Dapr.DaprException>(() => BlobStore("s3").GetAsync("acme", "geo/a.html"));
    }

    [Fact]
    public void Unknown_binding_kind_fails_validation_naming_the_setting()
    {
        var configuration = Configuration("minio");
        using var provider = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddRosePlatform(configuration).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PlatformOptions>>().Value);
        Assert.Contains("Rose:Platform:BlobBinding:Kind", failure.Message, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }

        await sidecar.DisposeAsync();
    }

    private IBlobStore BlobStore(string kind)
    {
        var configuration = Configuration(kind);
        var provider = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddRosePlatform(configuration).BuildServiceProvider();
        providers.Add(provider);
        return provider.GetRequiredService<IBlobStore>();
    }

    private IConfigurationRoot Configuration(string kind) => new ConfigurationBuilder()
        .AddInMemoryCollection(sidecar.Settings)
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Rose:Runtime"] = "Dapr", ["Rose:Platform:BlobBinding:Kind"] = kind })
        .Build();

    private static InvokeBindingResponse Answer(string json) => new() { Data = ByteString.CopyFromUtf8(json) };

    /// <summary>What daprd answers when the component returned <paramref name="error"/> (dapr/dapr pkg/api/grpc/grpc.go InvokeBinding).</summary>
    private static RpcException BindingError(string error) => new(new Status(StatusCode.Internal, "error invoking output binding blobstore: " + error));
}
