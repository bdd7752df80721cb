using System.Text;
using Dapr;
using Dapr.Client;
using Microsoft.Extensions.Options;
using Rose.Platform.Bindings;
using Rose.Platform.Dapr.Blobs;
using Rose.Storage;

namespace Rose.Platform.Dapr;

/// <summary>
/// Blobs through the output binding <see cref="DaprComponents.BlobStore"/> (create, get, list, delete),
/// spoken the way the binding <c>Rose:Platform:BlobBinding:Kind</c> names does: its name metadata key,
/// its list request and answer, its not-found error. Content goes as Base64, which local storage
/// detects and S3/R2/GCS/Azure decode with <c>decodeBase64: "true"</c> (components/examples/).
/// </summary>
public sealed class DaprBlobStore : IBlobStore
{
    private readonly DaprClient dapr;
    private readonly BlobBindingProtocol protocol;

    public DaprBlobStore(DaprClient dapr, IOptions<PlatformOptions> options)
    {
        this.dapr = dapr;
        protocol = BlobBindingProtocol.For(options.Value.BlobBinding.Kind);
    }

    /// <summary>The request metadata key that names an object for the configured binding.</summary>
    public string NameMetadataKey => protocol.NameMetadataKey;

    public async Task PutAsync(string tenantId, string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var request = Named("create", tenantId, path);
        request.Data = Encoding.UTF8.GetBytes(Convert.ToBase64String(content.Span));
        await dapr.InvokeBindingAsync(request, cancellationToken);
    }

    public async Task<byte[]?> GetAsync(string tenantId, string path, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await dapr.InvokeBindingAsync(Named("get", tenantId, path), cancellationToken);
            return response.Data.ToArray();
        }
        catch (DaprException ex) when (protocol.IsMissingOnGet(ex))
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<string>> ListAsync(string tenantId, string prefix = "", CancellationToken cancellationToken = default)
    {
        TenantIds.EnsureValid(tenantId);
        var tenantPrefix = tenantId + "/";
        var names = await protocol.ListAsync(dapr.InvokeBindingAsync, tenantId, tenantPrefix + prefix, cancellationToken);
        // Filtered here too: whatever a binding answers, another tenant's names never leave this method.
        return [.. names
            .Where(n => n.StartsWith(tenantPrefix + prefix, StringComparison.Ordinal))
            .Select(n => n[tenantPrefix.Length..])
            .Order(StringComparer.Ordinal)];
    }

    public async Task DeleteAsync(string tenantId, string path, CancellationToken cancellationToken = default)
    {
        try
        {
            await dapr.InvokeBindingAsync(Named("delete", tenantId, path), cancellationToken);
        }
        catch (DaprException ex) when (protocol.IsMissingOnDelete(ex))
        {
            // Deleting what is not there succeeds, as it does on the embedded FileBlobStore.
        }
    }

    private BindingRequest Named(string operation, string tenantId, string path)
    {
        var request = new BindingRequest(DaprComponents.BlobStore, operation);
        request.Metadata[protocol.NameMetadataKey] = BlobPaths.Compose(tenantId, path);
        return request;
    }
}
