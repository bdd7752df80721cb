namespace Rose.Platform.Limits;

/// <summary>At most N holders of a key at once (e.g. answers streaming for one tenant), across every replica that shares the store.</summary>
public interface IConcurrencySlots
{
    /// <summary>A slot to dispose when the work ends, or null when <paramref name="limit"/> holders already have one. The key carries its tenant.</summary>
    Task<IAsyncDisposable?> TryTakeAsync(string key, int limit, CancellationToken cancellationToken);
}
