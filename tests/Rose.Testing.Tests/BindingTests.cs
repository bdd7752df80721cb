using System.Net;
using System.Text;
using System.Text.Json;
using Dapr;
using Dapr.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Rose.Testing.Dapr.Mesh;
using Xunit;

namespace Rose.Testing.Tests;

public sealed class BindingTests : IAsyncLifetime
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Replica, string? ContentType, string ReadTime, long BodyLength)> fired = new();
    private readonly List<TestApp> apps = [];
    private DaprTestMesh mesh = null!;
    private DaprClient client = null!;

    public async Task InitializeAsync()
    {
        mesh = await DaprTestMesh.StartAsync();
        for (var i = 0; i < 2; i++)
        {
            var sidecar = await mesh.AddSidecarAsync("search");
            apps.Add(await TestApp.StartAsync(sidecar, app =>
                app.MapPost("/conversation-idle-check", (HttpContext context) =>
                {
                    fired.Enqueue((sidecar.ReplicaId, context.Request.ContentType, context.Request.Headers["readTimeUTC"].ToString(), context.Request.ContentLength ?? -1));
                    return Results.Ok();
                })));
        }

        var sidecarForClient = mesh.Replicas("search")[0];
        client = new DaprClientBuilder().UseGrpcEndpoint(sidecarForClient.GrpcEndpoint).UseHttpEndpoint(sidecarForClient.HttpEndpoint).Build();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        foreach (var app in apps)
        {
            await app.DisposeAsync();
        }

        await mesh.DisposeAsync();
    }

    [Fact]
    public async Task FireCronAsync_posts_to_the_binding_route_on_every_replica_as_daprd_does()
    {
        var statuses = await mesh.FireCronAsync("search", "conversation-idle-check");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(["search-1", "search-2"], fired.Select(f => f.Replica).Order(StringComparer.Ordinal));
        Assert.All(fired, f =>
        {
            Assert.Equal("application/json", f.ContentType);
            Assert.EndsWith("+0000 UTC", f.ReadTime, StringComparison.Ordinal);
            Assert.Equal(0, f.BodyLength);
        });
    }

    [Fact]
    public async Task The_blob_binding_decodes_base64_on_create_and_lists_absolute_paths_ignoring_the_prefix()
    {
        await Invoke("create", Encoding.UTF8.GetBytes(Convert.ToBase64String("<h1>FAQ</h1>"u8)), "tenant-a/geo/faq.html");
        await Invoke("create", "plain"u8.ToArray(), "tenant-b/notes.txt");

        var content = await Invoke("get", [], "tenant-a/geo/faq.html");
        var listed = JsonSerializer.Deserialize<string[]>((await Invoke("list", JsonSerializer.SerializeToUtf8Bytes(new { prefix = "tenant-a/" }), null)).Data.Span);

        Assert.Equal("<h1>FAQ</h1>", Encoding.UTF8.GetString(content.Data.Span));
        var root = mesh.BlobRoot();
        Assert.Equal([Path.Combine(root, "tenant-a", "geo", "faq.html"), Path.Combine(root, "tenant-b", "notes.txt")], listed!);
    }

    [Fact]
    public async Task The_blob_binding_answers_file_not_found_after_delete()
    {
        await Invoke("create", "x"u8.ToArray(), "t/gone.txt");
        await Invoke("delete", [], "t/gone.txt");

        var error = await Assert.ThrowsAsync<DaprException>(() => Invoke("get", [], "t/gone.txt"));
        Assert.Contains("file not found", error.InnerException?.Message ?? error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_blob_binding_keeps_names_inside_its_root()
    {
        await Invoke("create", "x"u8.ToArray(), "../../escape.txt");

        Assert.True(File.Exists(Path.Combine(mesh.BlobRoot(), "escape.txt")));
    }

    private Task<BindingResponse> Invoke(string operation, byte[] data, string? fileName)
    {
        var request = new BindingRequest("blobstore", operation) { Data = data };
        if (fileName is not null)
        {
            request.Metadata["fileName"] = fileName;
        }

        return client.InvokeBindingAsync(request);
    }
}
