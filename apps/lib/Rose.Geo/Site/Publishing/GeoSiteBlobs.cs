using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Rose.Platform.Bindings;
using Rose.Platform;

namespace Rose.Geo.Site.Publishing;

/// <summary>
/// Where a tenant's site lives in the blob store (every name under the tenant, <see cref="IBlobStore"/>
/// adds it): <c>geo-site/manifest.json</c> and one folder per publish, <c>geo-site/v/{version}/…</c>.
/// </summary>
internal sealed class GeoSiteBlobs(IBlobStore blobs)
{
    public const string ManifestPath = "geo-site/manifest.json";
    public const string VersionsPrefix = "geo-site/v/";

    /// <summary>A folder name for a publish id, safe for any binding whatever characters the id has.</summary>
    public static string VersionOf(string publishId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(publishId)))[..20];

    /// <summary>The blob of a request path in a version: <c>""</c> is <c>index.html</c>, a page slug gets <c>.html</c>.</summary>
    public static string BlobOf(string version, string path) =>
        VersionsPrefix + version + "/" + (path.Length == 0 ? "index.html" : path.Contains('.', StringComparison.Ordinal) ? path : path + ".html");

    public static string ETagOf(byte[] content) => "\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..32] + "\"";

    public async Task<GeoSiteManifest?> ReadManifestAsync(string tenantId, CancellationToken cancellationToken)
    {
        var bytes = await blobs.GetAsync(tenantId, ManifestPath, cancellationToken);
        return bytes is null ? null : JsonSerializer.Deserialize<GeoSiteManifest>(bytes, PlatformJson.Options);
    }

    public Task WriteManifestAsync(string tenantId, GeoSiteManifest manifest, CancellationToken cancellationToken) =>
        blobs.PutAsync(tenantId, ManifestPath, JsonSerializer.SerializeToUtf8Bytes(manifest, PlatformJson.Options), cancellationToken);

    public Task WriteAsync(string tenantId, string blob, byte[] content, CancellationToken cancellationToken) =>
        blobs.PutAsync(tenantId, blob, content, cancellationToken);

    public Task<byte[]?> ReadAsync(string tenantId, string blob, CancellationToken cancellationToken) =>
        blobs.GetAsync(tenantId, blob, cancellationToken);

    public Task<IReadOnlyList<string>> ListVersionsAsync(string tenantId, CancellationToken cancellationToken) =>
        blobs.ListAsync(tenantId, VersionsPrefix, cancellationToken);

    public Task DeleteAsync(string tenantId, string blob, CancellationToken cancellationToken) =>
        blobs.DeleteAsync(tenantId, blob, cancellationToken);
}
