using Microsoft.Extensions.Configuration;
using Rose.Platform.Bindings;
using Rose.Storage;

namespace Rose.Platform.Embedded;

/// <summary>Blobs as files under <c>{Rose:DataPath}/blobs/{tenantId}/{path}</c>.</summary>
public sealed class FileBlobStore(IConfiguration configuration) : IBlobStore
{
    private readonly string root = Path.Combine(RoseDataPath.Resolve(configuration), "blobs");

    public async Task PutAsync(string tenantId, string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var file = FileFor(tenantId, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        // Write then move, so that a reader never sees half a page.
        var temporary = file + ".tmp-" + Guid.NewGuid().ToString("N");
        await File.WriteAllBytesAsync(temporary, content.ToArray(), cancellationToken);
        File.Move(temporary, file, overwrite: true);
    }

    public async Task<byte[]?> GetAsync(string tenantId, string path, CancellationToken cancellationToken = default)
    {
        var file = FileFor(tenantId, path);
        return File.Exists(file) ? await File.ReadAllBytesAsync(file, cancellationToken) : null;
    }

    public Task<IReadOnlyList<string>> ListAsync(string tenantId, string prefix = "", CancellationToken cancellationToken = default)
    {
        TenantIds.EnsureValid(tenantId);
        var folder = Path.Combine(root, tenantId);
        IReadOnlyList<string> paths = Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).Contains(".tmp-", StringComparison.Ordinal))
                .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(p => p.StartsWith(prefix, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)]
            : [];
        return Task.FromResult(paths);
    }

    public Task DeleteAsync(string tenantId, string path, CancellationToken cancellationToken = default)
    {
        File.Delete(FileFor(tenantId, path));
        return Task.CompletedTask;
    }

    private string FileFor(string tenantId, string path) =>
        Path.Combine(root, BlobPaths.Compose(tenantId, path).Replace('/', Path.DirectorySeparatorChar));
}
