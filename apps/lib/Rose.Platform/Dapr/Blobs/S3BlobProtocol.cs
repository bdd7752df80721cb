using System.Text.Json;
using System.Text.Json.Serialization;
using Dapr.Client;

namespace Rose.Platform.Dapr.Blobs;

/// <summary>
/// bindings.aws.s3 (also Cloudflare R2), following dapr/components-contrib bindings/aws/s3/s3.go:
/// objects are named by <c>key</c> (without it, create makes up a UUID name); <c>list</c> takes
/// <c>{prefix, maxResults, marker}</c> and answers the AWS SDK's ListObjectsOutput as JSON
/// (<c>Contents[].Key</c>, <c>IsTruncated</c>, <c>NextMarker</c>, Go field names).
/// </summary>
internal sealed class S3BlobProtocol : BlobBindingProtocol
{
    /// <summary>s3.go get and delete: NoSuchKey becomes <c>errors.New("object not found")</c>.</summary>
    private const string ObjectNotFound = "object not found";

    /// <summary>s3.go's defaultMaxResults, and S3's own page limit.</summary>
    private const int PageSize = 1000;

    public override string NameMetadataKey => "key";

    public override async Task<IReadOnlyList<string>> ListAsync(BlobBindingCall call, string tenantId, string namePrefix, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        var marker = string.Empty;
        while (true)
        {
            var request = new BindingRequest(DaprComponents.BlobStore, "list")
            {
                Data = JsonSerializer.SerializeToUtf8Bytes(new ListRequest(namePrefix, PageSize, marker)),
            };
            var response = await call(request, cancellationToken);
            var page = JsonSerializer.Deserialize<ListObjectsOutput>(response.Data.Span) ?? new ListObjectsOutput(null, null, null);
            var keys = (page.Contents ?? []).Select(o => o.Key).OfType<string>().ToList();
            names.AddRange(keys);
            if (page.IsTruncated != true || keys.Count == 0)
            {
                return names;
            }

            // ListObjects (v1) gives NextMarker only with a delimiter; otherwise the last key is the marker.
            marker = page.NextMarker ?? keys[^1];
        }
    }

    protected override bool MissingOnGet(string bindingError) => bindingError == ObjectNotFound;

    protected override bool MissingOnDelete(string bindingError) => bindingError == ObjectNotFound;

    private sealed record ListRequest(
        [property: JsonPropertyName("prefix")] string Prefix,
        [property: JsonPropertyName("maxResults")] int MaxResults,
        [property: JsonPropertyName("marker")] string Marker);

    private sealed record ListObjectsOutput(List<S3Object>? Contents, bool? IsTruncated, string? NextMarker);

    private sealed record S3Object(string? Key);
}
