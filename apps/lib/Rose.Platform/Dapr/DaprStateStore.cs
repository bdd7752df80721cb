using System.Globalization;
using System.Text.Json;
using Dapr.Client;
using Grpc.Core;
using Rose.Platform.State;

namespace Rose.Platform.Dapr;

/// <summary>The state port on Dapr's state API (store <see cref="DaprComponents.StateStore"/>), first-write-wins with ETags.</summary>
public sealed class DaprStateStore(DaprClient dapr) : IStateStore
{
    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };

    public async Task<StateEntry<T>?> GetAsync<T>(string tenantId, string key, CancellationToken cancellationToken = default)
    {
        var (value, etag) = await dapr.GetStateAndETagAsync<T>(DaprComponents.StateStore, StateKeys.Compose(tenantId, key), cancellationToken: cancellationToken);
        return string.IsNullOrEmpty(etag) || value is null ? null : new StateEntry<T>(key, value, etag);
    }

    public async Task<IReadOnlyDictionary<string, StateEntry<T>>> GetBulkAsync<T>(string tenantId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        var byStoredKey = keys.Distinct(StringComparer.Ordinal).ToDictionary(k => StateKeys.Compose(tenantId, k), StringComparer.Ordinal);
        var items = await dapr.GetBulkStateAsync(DaprComponents.StateStore, [.. byStoredKey.Keys], parallelism: null, cancellationToken: cancellationToken);
        var result = new Dictionary<string, StateEntry<T>>(StringComparer.Ordinal);
        foreach (var item in items.Where(i => !string.IsNullOrEmpty(i.Value) && byStoredKey.ContainsKey(i.Key)))
        {
            var key = byStoredKey[item.Key];
            result[key] = new StateEntry<T>(key, JsonSerializer.Deserialize<T>(item.Value, PlatformJson.Options)!, item.ETag);
        }

        return result;
    }

    public Task SaveAsync<T>(string tenantId, string key, T value, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default) =>
        dapr.SaveStateAsync(DaprComponents.StateStore, StateKeys.Compose(tenantId, key), value, metadata: Metadata(timeToLive), cancellationToken: cancellationToken);

    public async Task<bool> TrySaveAsync<T>(string tenantId, string key, T value, string? etag, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        try
        {
            // An empty ETag with first-write concurrency means "only if the key does not exist yet".
            return await dapr.TrySaveStateAsync(DaprComponents.StateStore, StateKeys.Compose(tenantId, key), value, etag ?? string.Empty, FirstWrite, Metadata(timeToLive), cancellationToken);
        }
        catch (global::Dapr.DaprException e) when (etag is null && IsCreateRefused(e))
        {
            // Without an ETag, state.redis refuses a first-write save of an existing key with a plain
            // error ("failed to set key …", components-contrib state/redis), which daprd answers as
            // Internal rather than as an ETag mismatch, so the SDK throws instead of returning false.
            return false;
        }
    }

    private static bool IsCreateRefused(global::Dapr.DaprException exception) =>
        exception.InnerException is RpcException { StatusCode: StatusCode.Internal } rpc
        && rpc.Status.Detail.Contains("failed to set key", StringComparison.Ordinal);

    public async Task<bool> DeleteAsync(string tenantId, string key, string? etag = null, CancellationToken cancellationToken = default)
    {
        var storedKey = StateKeys.Compose(tenantId, key);
        if (etag is null)
        {
            await dapr.DeleteStateAsync(DaprComponents.StateStore, storedKey, cancellationToken: cancellationToken);
            return true;
        }

        return await dapr.TryDeleteStateAsync(DaprComponents.StateStore, storedKey, etag, FirstWrite, cancellationToken: cancellationToken);
    }

    private static Dictionary<string, string>? Metadata(TimeSpan? timeToLive) =>
        timeToLive is { } ttl
            ? new() { ["ttlInSeconds"] = Math.Max(1, (long)Math.Ceiling(ttl.TotalSeconds)).ToString(CultureInfo.InvariantCulture) }
            : null;
}
