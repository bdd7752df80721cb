using System.Text;
using System.Text.Json;
using Dapr;
using Dapr.Client;
using Rose.Platform.Bindings;
using Rose.Storage;

namespace Rose.Platform.Dapr;

/// <summary>
/// Blobs through the output binding <see cref="DaprComponents.BlobStore"/> with the operations every
/// blob binding shares (create, get, list, delete) and the <c>fileName</c> metadata. Content goes as
/// Base64, which local storage detects and S3/R2/GCS decode with <c>decodeBase64: "true"</c>.
/// </summary>
public sealed class DaprBlobStore(DaprClient dapr) : IBlobStore
{
    public const string FileNameMetadata = "fileName";

    public async Task PutAsync(string tenantId, string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var request = new BindingRequest(DaprComponents.BlobStore, "create")
        {
            Data = Encoding.UTF8.GetBytes(Convert.ToBase64String(content.Span)),
        };
        request.Metadata[FileNameMetadata] = BlobPaths.Compose(tenantId, path);
        await dapr.InvokeBindingAsync(request, cancellationToken);
    }

    public async Task<byte[]?> GetAsync(string tenantId, string path, CancellationToken cancellationToken = default)
    {
        var request = new BindingRequest(DaprComponents.BlobStore, "get");
        request.Metadata[FileNameMetadata] = BlobPaths.Compose(tenantId, path);
        try
        {
            var response = await dapr.InvokeBindingAsync(request, cancellationToken);
            return response.Data.ToArray();
        }
        catch (DaprException ex) when (IsNotFound(ex))
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<string>> ListAsync(string tenantId, string prefix = "", CancellationToken cancellationToken = default)
    {
        TenantIds.EnsureValid(tenantId);
        var tenantPrefix = tenantId + "/";
        var request = new BindingRequest(DaprComponents.BlobStore, "list")
        {
            Data = JsonSerializer.SerializeToUtf8Bytes(new { prefix = tenantPrefix + prefix }),
        };
        var response = await dapr.InvokeBindingAsync(request, cancellationToken);
        // Filtered here too: a binding that ignores the prefix must still not leak another tenant's names.
        return [.. ReadNames(response.Data)
            .Select(n => n.Replace('\\', '/'))
            .Where(n => n.StartsWith(tenantPrefix + prefix, StringComparison.Ordinal))
            .Select(n => n[tenantPrefix.Length..])
            .Order(StringComparer.Ordinal)];
    }

    public async Task DeleteAsync(string tenantId, string path, CancellationToken cancellationToken = default)
    {
        var request = new BindingRequest(DaprComponents.BlobStore, "delete");
        request.Metadata[FileNameMetadata] = BlobPaths.Compose(tenantId, path);
        await dapr.InvokeBindingAsync(request, cancellationToken);
    }

    /// <summary>Local storage answers a list with file names; object stores with objects that have a key or name.</summary>
    private static List<string> ReadNames(ReadOnlyMemory<byte> data)
    {
        if (data.IsEmpty)
        {
            return [];
        }

        using var document = JsonDocument.Parse(data);
        var root = document.RootElement;
        var items = root.ValueKind == JsonValueKind.Array
            ? root.EnumerateArray()
            : root.TryGetProperty("Contents", out var contents) ? contents.EnumerateArray() : default;
        var names = new List<string>();
        foreach (var item in items)
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                names.Add(item.GetString()!);
            }
            else if (item.ValueKind == JsonValueKind.Object
                     && (item.TryGetProperty("Key", out var name) || item.TryGetProperty("name", out name) || item.TryGetProperty("Name", out name)))
            {
                names.Add(name.GetString()!);
            }
        }

        return names;
    }

    private static bool IsNotFound(DaprException exception)
    {
        var text = (exception.InnerException?.Message ?? string.Empty) + exception.Message;
        return text.Contains("no such file", StringComparison.OrdinalIgnoreCase)
               || text.Contains("not found", StringComparison.OrdinalIgnoreCase)
               || text.Contains("NoSuchKey", StringComparison.Ordinal)
               || text.Contains("does not exist", StringComparison.OrdinalIgnoreCase);
    }
}
