using System.Text.Json;
using System.Text.Json.Serialization;
using Dapr.Client;

namespace Rose.Platform.Dapr.Blobs;

/// <summary>
/// bindings.azure.blobstorage, following dapr/components-contrib bindings/azure/blobstorage/blobstorage.go:
/// objects are named by <c>blobName</c>; <c>list</c> takes <c>{prefix, maxResults, marker}</c> and
/// answers a JSON array of container.BlobItem (<c>Name</c>). The binding itself walks Azure's pages
/// until it has maxResults blobs; the <c>marker</c> it puts in the response metadata is the marker of
/// the last page it <i>fetched</i> (resp.Marker, not NextMarker), so following it would fetch that page
/// again. Rose therefore asks for everything in one call.
/// </summary>
internal sealed class AzureBlobProtocol : BlobBindingProtocol
{
    /// <summary>blobstorage.go get and delete: BlobNotFound becomes <c>errors.New("blob not found")</c>.</summary>
    private const string BlobNotFound = "blob not found";

    /// <summary>No limit: blobstorage.go keeps paging until it has this many.</summary>
    private const int Everything = int.MaxValue;

    public override string NameMetadataKey => "blobName";

    public override async Task<IReadOnlyList<string>> ListAsync(BlobBindingCall call, string tenantId, string namePrefix, CancellationToken cancellationToken)
    {
        var request = new BindingRequest(DaprComponents.BlobStore, "list")
        {
            Data = JsonSerializer.SerializeToUtf8Bytes(new ListRequest(namePrefix, Everything)),
        };
        var response = await call(request, cancellationToken);
        var items = response.Data.IsEmpty ? null : JsonSerializer.Deserialize<List<BlobItem>?>(response.Data.Span);
        return [.. (items ?? []).Select(i => i.Name).OfType<string>()];
    }

    protected override bool MissingOnGet(string bindingError) => bindingError == BlobNotFound;

    protected override bool MissingOnDelete(string bindingError) => bindingError == BlobNotFound;

    private sealed record ListRequest(
        [property: JsonPropertyName("prefix")] string Prefix,
        [property: JsonPropertyName("maxResults")] int MaxResults);

    private sealed record BlobItem(string? Name);
}
