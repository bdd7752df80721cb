using System.Text;
using System.Text.Json;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Grpc.Core;
using Rose.Testing.Dapr;
using Xunit;

namespace Rose.Platform.Tests.Dapr;

/// <summary>The fake sidecar's local-storage binding tells the truth about components-contrib's localstorage.go.</summary>
public sealed class FakeLocalStorageBindingTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("rose-fake-localstorage-").FullName;

    [Fact]
    public void List_ignores_the_prefix_and_answers_absolute_paths()
    {
        var binding = new FakeLocalStorageBinding("blobstore", root);
        binding.Invoke(Create("acme/geo/a.html", "YQ=="));
        binding.Invoke(Create("globex/b.html", "Yg=="));

        var listed = binding.Invoke(new InvokeBindingRequest { Name = "blobstore", Operation = "list", Data = ByteString.CopyFromUtf8("""{"prefix":"acme/"}""") });

        Assert.Equal(
            [Path.Combine(root, "acme", "geo", "a.html"), Path.Combine(root, "globex", "b.html")],
            JsonSerializer.Deserialize<string[]>(listed.Data.ToStringUtf8())!);
    }

    [Fact]
    public void Create_decodes_base64_only_when_the_data_is_base64_and_names_by_file_name_only()
    {
        var binding = new FakeLocalStorageBinding("blobstore", root);

        binding.Invoke(Create("a.txt", "aGVsbG8="));
        binding.Invoke(Create("b.txt", "hello, world"));
        var unnamed = binding.Invoke(new InvokeBindingRequest { Name = "blobstore", Operation = "create", Data = ByteString.CopyFromUtf8("eA=="), Metadata = { ["key"] = "c.txt" } });

        Assert.Equal("hello", File.ReadAllText(Path.Combine(root, "a.txt")));
        Assert.Equal("hello, world", File.ReadAllText(Path.Combine(root, "b.txt")));
        Assert.False(File.Exists(Path.Combine(root, "c.txt")));
        var generated = JsonDocument.Parse(unnamed.Data.ToStringUtf8()).RootElement.GetProperty("fileName").GetString()!;
        Assert.True(Guid.TryParse(generated, out _));
    }

    [Fact]
    public void Get_of_a_missing_file_fails_with_the_components_error()
    {
        var binding = new FakeLocalStorageBinding("blobstore", root);

        var failure = Assert.Throws<RpcException>(() => binding.Invoke(new InvokeBindingRequest { Name = "blobstore", Operation = "get", Metadata = { ["fileName"] = "none.html" } }));

        Assert.Equal(StatusCode.Internal, failure.StatusCode);
        Assert.Equal($"error invoking output binding blobstore: file not found: {Path.Combine(root, "none.html")}", failure.Status.Detail);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static InvokeBindingRequest Create(string fileName, string data) =>
        new() { Name = "blobstore", Operation = "create", Data = ByteString.CopyFrom(Encoding.UTF8.GetBytes(data)), Metadata = { ["fileName"] = fileName } };
}
