namespace Rose.Platform.Limits;

/// <summary>
/// A running total against a limit (e.g. a tenant's LLM tokens this month), shared by every replica
/// that shares the store. The total is seeded from its source of truth (the ledger) when the store has
/// none, kept while it is used, and forgotten after <c>idle</c> without use, so that a reservation never
/// settled (a replica that died mid-call) is corrected by the next seed.
/// </summary>
public interface IQuotaCounter
{
    /// <summary>
    /// Adds <paramref name="amount"/> and answers true when the total was below <paramref name="limit"/>
    /// before it (checked and added atomically); false, adding nothing, when it was not.
    /// </summary>
    Task<bool> TryReserveAsync(string key, long amount, long limit, TimeSpan idle, Func<CancellationToken, Task<long>> seed, CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="delta"/> (negative to give back) while the total is kept; nothing once it was forgotten (the next seed counts it).</summary>
    Task AdjustAsync(string key, long delta, TimeSpan idle, CancellationToken cancellationToken);
}
