using System.Text.Json;
using System.Text.Json.Serialization;
using Dapr.Client;

namespace Rose.Platform.Dapr.Blobs;

/// <summary>
/// bindings.gcp.bucket, following dapr/components-contrib bindings/gcp/bucket/bucket.go: objects are
/// named by <c>key</c> (the old <c>name</c> is translated to it; without either, create makes up a
/// UUID name); <c>list</c> takes <c>{prefix, maxResults}</c> and answers a JSON array of
/// storage.ObjectAttrs (<c>Name</c>, Go field names). It has no marker: one call returns at most
/// maxResults objects and there is no way to ask for the rest.
/// </summary>
internal sealed class GcsBlobProtocol : BlobBindingProtocol
{
    /// <summary>bucket.go get and delete: HTTP 404 becomes <c>errors.New("object not found")</c>.</summary>
    private const string ObjectNotFound = "object not found";

    /// <summary>How many names one tenant prefix may hold before a listing would be silently cut.</summary>
    internal const int MaxResults = 10_000;

    public override string NameMetadataKey => "key";

    public override async Task<IReadOnlyList<string>> ListAsync(BlobBindingCall call, string tenantId, string namePrefix, CancellationToken cancellationToken)
    {
        var request = new BindingRequest(DaprComponents.BlobStore, "list")
        {
            Data = JsonSerializer.SerializeToUtf8Bytes(new ListRequest(namePrefix, MaxResults)),
        };
        var response = await call(request, cancellationToken);
        var objects = response.Data.IsEmpty ? null : JsonSerializer.Deserialize<List<ObjectAttrs>?>(response.Data.Span);
        var names = (objects ?? []).Select(o => o.Name).OfType<string>().ToList();
        // bucket.go stops at maxResults without saying so: a full page means the answer may be cut.
        return names.Count >= MaxResults
            ? throw new InvalidOperationException($"bindings.gcp.bucket listed {MaxResults} objects under '{namePrefix}', its limit per call; it cannot page, so the listing would be incomplete.")
            : names;
    }

    protected override bool MissingOnGet(string bindingError) => bindingError == ObjectNotFound;

    protected override bool MissingOnDelete(string bindingError) => bindingError == ObjectNotFound;

    private sealed record ListRequest(
        [property: JsonPropertyName("prefix")] string Prefix,
        [property: JsonPropertyName("maxResults")] int MaxResults);

    private sealed record ObjectAttrs(string? Name);
}
