using System.Text;
using System.Text.Json;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Grpc.Core;

namespace Rose.Testing.Dapr;

/// <summary>
/// An output binding of type <c>bindings.localstorage</c> on a real folder, behaving as
/// dapr/components-contrib bindings/localstorage/localstorage.go does, with daprd's error wrapping
/// (dapr/dapr pkg/api/grpc/grpc.go InvokeBinding: gRPC Internal, "error invoking output binding {name}: {error}"):
/// <list type="bullet">
/// <item>objects are named by the <c>fileName</c> metadata; other keys (<c>key</c>, <c>blobName</c>) are
/// ignored, so a create without <c>fileName</c> writes a file named by a new UUID;</item>
/// <item>create first tries to unquote the data as a Go string literal, then to decode it as standard
/// Base64, and writes the decoded bytes when that works (the raw data otherwise); it answers <c>{"fileName": relative path}</c>;</item>
/// <item>get of a missing file fails with "file not found: {absolute path}";</item>
/// <item>list ignores the request data (no prefix), lists the folder <c>fileName</c> names (the root when empty)
/// recursively, and answers a JSON array of absolute paths (<c>null</c> for an empty folder); a missing folder fails;</item>
/// <item>delete of a missing file fails with os.Remove's error.</item>
/// </list>
/// Not modelled: securejoin's symlink resolution (paths are only kept under the root) and Go's
/// exact strconv.Unquote rules (only a JSON string literal is unquoted).
/// </summary>
public sealed class FakeLocalStorageBinding(string name, string rootPath)
{
    public string Name { get; } = name;

    /// <summary>The absolute root folder, as the component resolves <c>rootPath</c>.</summary>
    public string RootPath { get; } = Path.GetFullPath(rootPath);

    public InvokeBindingResponse Invoke(InvokeBindingRequest request)
    {
        request.Metadata.TryGetValue("fileName", out var fileName);
        fileName ??= string.Empty;
        if (fileName.Length == 0 && request.Operation == "create")
        {
            fileName = Guid.NewGuid().ToString();
        }

        return request.Operation switch
        {
            "create" => Create(fileName, request.Data),
            "get" => Get(fileName),
            "list" => List(fileName),
            "delete" => Delete(fileName),
            _ => throw Failure($"unsupported operation {request.Operation}"),
        };
    }

    private InvokeBindingResponse Create(string fileName, ByteString data)
    {
        var bytes = data.ToByteArray();
        var text = Encoding.UTF8.GetString(bytes);
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            try
            {
                text = JsonSerializer.Deserialize<string>(text)!;
                bytes = Encoding.UTF8.GetBytes(text);
            }
            catch (JsonException)
            {
                // Not a string literal: the data stays as it is, like a failed strconv.Unquote.
            }
        }

        if (IsStandardBase64(text))
        {
            bytes = Convert.FromBase64String(text);
        }

        var absolute = Resolve(fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(absolute)!);
        File.WriteAllBytes(absolute, bytes);
        return new InvokeBindingResponse
        {
            Data = ByteString.CopyFromUtf8(JsonSerializer.Serialize(new Dictionary<string, string> { ["fileName"] = Path.GetRelativePath(RootPath, absolute) })),
        };
    }

    private InvokeBindingResponse Get(string fileName)
    {
        var absolute = Resolve(fileName);
        return File.Exists(absolute)
            ? new InvokeBindingResponse { Data = ByteString.CopyFrom(File.ReadAllBytes(absolute)) }
            : throw Failure($"file not found: {absolute}");
    }

    private InvokeBindingResponse List(string fileName)
    {
        var absolute = Resolve(fileName);
        if (File.Exists(absolute))
        {
            throw Failure($"unable to list files as the file specified is not a directory: {absolute}");
        }

        if (!Directory.Exists(absolute))
        {
            throw Failure($"error getting stats for path {absolute}: stat {absolute}: no such file or directory");
        }

        // filepath.Walk visits in lexical order; json.Marshal of a nil slice is null.
        var files = Directory.EnumerateFiles(absolute, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        return new InvokeBindingResponse { Data = ByteString.CopyFromUtf8(files.Count == 0 ? "null" : JsonSerializer.Serialize(files)) };
    }

    private InvokeBindingResponse Delete(string fileName)
    {
        var absolute = Resolve(fileName);
        if (!File.Exists(absolute))
        {
            throw Failure($"error deleting file {absolute}: remove {absolute}: no such file or directory");
        }

        File.Delete(absolute);
        return new InvokeBindingResponse();
    }

    /// <summary>Like securejoin.SecureJoin: the name is taken relative to the root and cannot leave it.</summary>
    private string Resolve(string fileName)
    {
        var segments = new List<string>();
        foreach (var segment in fileName.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment != ".")
            {
                segments.Add(segment);
            }
        }

        return segments.Count == 0 ? RootPath : Path.Combine([RootPath, .. segments]);
    }

    /// <summary>Go's base64.StdEncoding.DecodeString: padded standard alphabet, only CR and LF ignored.</summary>
    private static bool IsStandardBase64(string text)
    {
        var compact = text.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);
        return compact.Length % 4 == 0
               && compact.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')
               && Convert.TryFromBase64String(compact, new byte[compact.Length], out _);
    }

    private RpcException Failure(string error) =>
        new(new Status(StatusCode.Internal, $"error invoking output binding {Name}: {error}"));
}
