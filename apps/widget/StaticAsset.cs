using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Rose.Widget;

/// <summary>
/// A file served from memory: its bytes, their gzip form and an ETag are computed once, so a
/// request is a copy, never a disk read or a compression. The ETag is weak because the identity
/// and gzip forms are the same content in two encodings.
/// </summary>
public sealed class StaticAsset
{
    public StaticAsset(byte[] content, string contentType, string cacheControl)
    {
        Content = content;
        ContentType = contentType;
        CacheControl = cacheControl;
        Gzipped = Gzip(content);
        ETag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"";
    }

    public byte[] Content { get; }

    public byte[] Gzipped { get; }

    public string ContentType { get; }

    public string CacheControl { get; }

    public string ETag { get; }

    /// <summary>Writes the asset, gzipped when the client accepts it, or 304 when the client's copy is current.</summary>
    public Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.ETag = ETag;
        response.Headers.CacheControl = CacheControl;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.Headers.XContentTypeOptions = "nosniff";
        if (ClientHasCurrentCopy(context.Request))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        var body = Content;
        if (AcceptsGzip(context.Request))
        {
            body = Gzipped;
            response.Headers.ContentEncoding = "gzip";
        }

        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private bool ClientHasCurrentCopy(HttpRequest request)
    {
        var tags = request.GetTypedHeaders().IfNoneMatch;
        return tags.Any(tag => tag.Tag == "*" || tag.Compare(EntityTagHeaderValue.Parse(ETag), useStrongComparison: false));
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        request.GetTypedHeaders().AcceptEncoding.Any(e =>
            string.Equals(e.Value.Value, "gzip", StringComparison.OrdinalIgnoreCase) && (e.Quality ?? 1) > 0);

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}
