using Microsoft.Extensions.Options;
using Rose.Llm.Configuration;
using Rose.Platform.Limits;

namespace Rose.Llm.Accounting;

/// <summary>
/// A tenant's monthly token budget (<c>Rose:Llm:Tenants:&lt;id&gt;:MonthlyTokenBudget</c>, else
/// <c>Rose:Llm:MonthlyTokenBudget</c>; 0 is unlimited). Once spent, the tenant's answers come from the
/// offline composer until the month ends: the visitor still gets an answer, the client no surprise bill.
/// A call reserves its estimated tokens before it starts (checked and added in one step in the shared
/// counter, <see cref="IQuotaCounter"/>, seeded from the ledger rather than summing it on every call) and
/// settles the difference afterwards, so replicas together overshoot the budget by at most one call.
/// </summary>
public sealed class TokenBudget(IOptions<LlmOptions> options, ILlmUsageLedger ledger, IQuotaCounter counter, TimeProvider time)
{
    public long LimitFor(string tenantId) =>
        options.Value.ForTenant(tenantId).MonthlyTokenBudget ?? options.Value.MonthlyTokenBudget;

    /// <summary>
    /// Reserves <paramref name="estimatedTokens"/> for one call; null when the budget is spent. An
    /// unlimited tenant gets a reservation that counts nothing.
    /// </summary>
    public async Task<TokenReservation?> TryReserveAsync(string tenantId, long estimatedTokens, CancellationToken cancellationToken)
    {
        var limit = LimitFor(tenantId);
        if (limit <= 0)
        {
            return TokenReservation.Unlimited;
        }

        var now = time.GetUtcNow();
        var key = $"{tenantId}:llm-tokens:{now.Year:D4}{now.Month:D2}";
        var reserved = await counter.TryReserveAsync(
            key, estimatedTokens, limit, options.Value.BudgetCounterIdle,
            ct => ledger.TokensThisMonthAsync(tenantId, ct), cancellationToken);
        return reserved ? new TokenReservation(key, estimatedTokens) : null;
    }

    /// <summary>The call consumed <paramref name="actualTokens"/>: the counter takes the difference to what was reserved.</summary>
    public Task SettleAsync(TokenReservation reservation, long actualTokens) =>
        reservation.Key is null || actualTokens == reservation.Tokens
            ? Task.CompletedTask
            : counter.AdjustAsync(reservation.Key, actualTokens - reservation.Tokens, options.Value.BudgetCounterIdle, CancellationToken.None);

    /// <summary>The call consumed nothing (every provider failed, the visitor left): the reservation is given back.</summary>
    public Task ReleaseAsync(TokenReservation reservation) => SettleAsync(reservation, 0);
}
