using Rose.Platform.Bindings;

namespace Rose.Geo.Tests.Site;

/// <summary>The real blob store, able to hold a publish after its first page is written and before its manifest.</summary>
internal sealed class GatedBlobStore(IBlobStore inner) : IBlobStore
{
    public TaskCompletionSource Paused { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Armed { get; set; }

    public async Task PutAsync(string tenantId, string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        await inner.PutAsync(tenantId, path, content, cancellationToken);
        if (Armed && path.StartsWith("geo-site/v/", StringComparison.Ordinal))
        {
            Armed = false;
            Paused.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
        }
    }

    public Task<byte[]?> GetAsync(string tenantId, string path, CancellationToken cancellationToken = default) => inner.GetAsync(tenantId, path, cancellationToken);

    public Task<IReadOnlyList<string>> ListAsync(string tenantId, string prefix = "", CancellationToken cancellationToken = default) => inner.ListAsync(tenantId, prefix, cancellationToken);

    public Task DeleteAsync(string tenantId, string path, CancellationToken cancellationToken = default) => inner.DeleteAsync(tenantId, path, cancellationToken);
}
