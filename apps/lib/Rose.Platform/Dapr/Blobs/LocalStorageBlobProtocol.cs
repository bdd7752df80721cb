using System.Text.Json;
using Dapr;
using Dapr.Client;

namespace Rose.Platform.Dapr.Blobs;

/// <summary>
/// bindings.localstorage, following dapr/components-contrib bindings/localstorage/localstorage.go:
/// objects are named by <c>fileName</c>; <c>list</c> ignores the request data (no prefix), lists the
/// folder <c>fileName</c> names (the root when empty) recursively and answers a JSON array of
/// <b>absolute</b> paths (<c>null</c> when the folder is empty); a missing folder is an error.
/// </summary>
internal sealed class LocalStorageBlobProtocol : BlobBindingProtocol
{
    /// <summary>localstorage.go get: <c>fmt.Errorf("file not found: %s", absPath)</c>.</summary>
    private const string FileNotFound = "file not found: ";

    /// <summary>localstorage.go list: <c>"error getting stats for path %s: %w"</c> around os.Stat's ENOENT.</summary>
    private const string ListStatFailed = "error getting stats for path ";

    /// <summary>localstorage.go delete: <c>"error deleting file %s: %w"</c> around os.Remove's ENOENT.</summary>
    private const string DeleteFailed = "error deleting file ";

    /// <summary>Go's text for ENOENT on Linux and macOS (syscall.ENOENT.Error()), the end of the wrapped os.PathError.</summary>
    private const string NoSuchFile = ": no such file or directory";

    public override string NameMetadataKey => "fileName";

    public override async Task<IReadOnlyList<string>> ListAsync(BlobBindingCall call, string tenantId, string namePrefix, CancellationToken cancellationToken)
    {
        // Only the tenant's folder: the binding cannot filter by prefix, and another tenant's names
        // should not even reach this process.
        var request = new BindingRequest(DaprComponents.BlobStore, "list");
        request.Metadata[NameMetadataKey] = tenantId;
        BindingResponse response;
        try
        {
            response = await call(request, cancellationToken);
        }
        catch (DaprException ex) when (IsMissingFolder(ex))
        {
            return [];
        }

        var absolute = response.Data.IsEmpty ? null : JsonSerializer.Deserialize<List<string>?>(response.Data.Span);
        return [.. ToStoredNames(absolute ?? [], tenantId).Where(n => n.StartsWith(namePrefix, StringComparison.Ordinal))];
    }

    /// <summary>
    /// The stored names <c>{tenantId}/{path}</c> of the absolute paths <c>{rootPath}/{tenantId}/{path}</c>
    /// the binding answers. The app does not know rootPath (daprd resolves it from its own working
    /// folder), but it is the same for every path of one answer, so the tenant folder starts at the
    /// first position where every path has <c>/{tenantId}/</c>. That is wrong only if rootPath itself
    /// has a folder named like the tenant: keep tenant ids out of rootPath.
    /// </summary>
    internal static IEnumerable<string> ToStoredNames(IReadOnlyList<string> absolutePaths, string tenantId)
    {
        var paths = absolutePaths.Select(p => p.Replace('\\', '/')).ToList();
        if (paths.Count == 0)
        {
            return [];
        }

        var marker = "/" + tenantId + "/";
        var common = Positions(paths[0], marker);
        foreach (var path in paths.Skip(1))
        {
            common.IntersectWith(Positions(path, marker));
        }

        if (common.Count == 0)
        {
            throw new InvalidOperationException($"The blob binding listed paths outside the folder of tenant '{tenantId}'.");
        }

        var start = common.Min() + 1;
        return paths.Select(p => p[start..]);
    }

    protected override bool MissingOnGet(string bindingError) => bindingError.StartsWith(FileNotFound, StringComparison.Ordinal);

    protected override bool MissingOnDelete(string bindingError) =>
        bindingError.StartsWith(DeleteFailed, StringComparison.Ordinal) && bindingError.EndsWith(NoSuchFile, StringComparison.Ordinal);

    private static HashSet<int> Positions(string path, string marker)
    {
        var positions = new HashSet<int>();
        for (var at = path.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = path.IndexOf(marker, at + 1, StringComparison.Ordinal))
        {
            positions.Add(at);
        }

        return positions;
    }

    private static bool IsMissingFolder(DaprException exception) =>
        BindingError(exception) is { } error && error.StartsWith(ListStatFailed, StringComparison.Ordinal) && error.EndsWith(NoSuchFile, StringComparison.Ordinal);
}
