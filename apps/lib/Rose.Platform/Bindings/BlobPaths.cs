using Rose.Storage;

namespace Rose.Platform.Bindings;

/// <summary>Blob names: <c>{tenantId}/{path}</c>, with relative, forward-slash paths only.</summary>
public static class BlobPaths
{
    public static string Compose(string tenantId, string path)
    {
        TenantIds.EnsureValid(tenantId);
        return $"{tenantId}/{Normalize(path)}";
    }

    /// <summary>Rejects what could escape the tenant's folder: rooted paths, <c>..</c>, backslashes, empty segments.</summary>
    public static string Normalize(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var segments = path.Split('/');
        if (path.Contains('\\', StringComparison.Ordinal) || segments.Any(s => s.Length == 0 || s == "." || s == ".."))
        {
            throw new ArgumentException($"'{path}' is not a valid blob path: use relative segments separated by '/'.", nameof(path));
        }

        return path;
    }
}
