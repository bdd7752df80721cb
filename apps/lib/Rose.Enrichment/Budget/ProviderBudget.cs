using System.Globalization;
using Rose.Enrichment.Settings;
using Rose.Platform.Limits;
using Rose.Platform.State;

namespace Rose.Enrichment.Budget;

/// <summary>
/// What a tenant's lookups at one provider cost this month, against the provider's monthly budget.
/// A lookup is charged before its request is sent, and only when the month's spend plus its cost
/// stays within the budget: the check and the charge are one atomic step of the platform's quota
/// counter (one Lua script in <c>Rose:Limits:Redis</c> when replicas share it, a lock in one process),
/// so two replicas can never spend past it together. The counter is seeded from a ledger in the state
/// store (one entry per tenant, provider and month), which every charge also adds to, so a restart or
/// a counter forgotten while idle starts from what was spent. Amounts are counted in millionths.
/// </summary>
public sealed class ProviderBudget(IQuotaCounter counter, IStateStore state, TimeProvider clock)
{
    private const long MicrosPerUnit = 1_000_000;

    // Longer than any pause between two lookups of a busy tenant; a forgotten total is reseeded from the ledger.
    private static readonly TimeSpan CounterIdle = TimeSpan.FromHours(6);

    // The ledger of a month outlives it, for the month's figures.
    private static readonly TimeSpan LedgerKept = TimeSpan.FromDays(62);

    /// <summary>True when the lookup may be sent (and is now charged); false when it would go over the budget.</summary>
    public async Task<bool> TryChargeAsync(string tenantId, string provider, ProviderSettings settings, CancellationToken cancellationToken)
    {
        var cost = Micros(settings.CostPerLookup);
        var month = clock.GetUtcNow().ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (settings.MonthlyBudget is { } budget)
        {
            // The counter admits a charge while the total is below its limit: below budget - cost + 1 means total + cost ≤ budget.
            var limit = Micros(budget) - cost + 1;
            if (limit < 1)
            {
                return false;
            }

            var key = $"enrichment-budget:{tenantId}:{provider}:{month}";
            if (!await counter.TryReserveAsync(key, cost, limit, CounterIdle, ct => SpentMicrosAsync(tenantId, provider, month, ct), cancellationToken))
            {
                return false;
            }
        }

        if (cost > 0)
        {
            await AddToLedgerAsync(tenantId, LedgerKey(provider, month), cost, cancellationToken);
        }

        return true;
    }

    /// <summary>What the tenant's lookups at <paramref name="provider"/> cost this month so far, from the ledger.</summary>
    public async Task<decimal> SpentThisMonthAsync(string tenantId, string provider, CancellationToken cancellationToken) =>
        (decimal)await SpentMicrosAsync(tenantId, provider, clock.GetUtcNow().ToString("yyyy-MM", CultureInfo.InvariantCulture), cancellationToken) / MicrosPerUnit;

    private async Task<long> SpentMicrosAsync(string tenantId, string provider, string month, CancellationToken cancellationToken) =>
        (await state.GetAsync<long>(tenantId, LedgerKey(provider, month), cancellationToken))?.Value ?? 0;

    private async Task AddToLedgerAsync(string tenantId, string key, long amount, CancellationToken cancellationToken)
    {
        // First-write-wins with the ETag: two replicas charging at once both land, one after a re-read.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var entry = await state.GetAsync<long>(tenantId, key, cancellationToken);
            if (await state.TrySaveAsync(tenantId, key, (entry?.Value ?? 0) + amount, entry?.ETag, LedgerKept, cancellationToken))
            {
                return;
            }
        }

        throw new InvalidOperationException($"The enrichment ledger '{key}' of {tenantId} kept changing under 50 attempts to add to it.");
    }

    private static string LedgerKey(string provider, string month) => $"enrichment-spend:{provider}:{month}";

    private static long Micros(decimal amount) => (long)decimal.Round(amount * MicrosPerUnit);
}
