using Microsoft.Extensions.Options;
using Rose.Llm.Configuration;

namespace Rose.Llm.Accounting;

/// <summary>
/// A tenant's monthly token budget (<c>Rose:Llm:Tenants:&lt;id&gt;:MonthlyTokenBudget</c>, else
/// <c>Rose:Llm:MonthlyTokenBudget</c>; 0 is unlimited). Once spent, the tenant's answers come from the
/// offline composer until the month ends: the visitor still gets an answer, the client no surprise bill.
/// </summary>
public sealed class TokenBudget(IOptions<LlmOptions> options, ILlmUsageLedger ledger)
{
    public long LimitFor(string tenantId) =>
        options.Value.ForTenant(tenantId).MonthlyTokenBudget ?? options.Value.MonthlyTokenBudget;

    public async Task<bool> IsSpentAsync(string tenantId, CancellationToken cancellationToken)
    {
        var limit = LimitFor(tenantId);
        return limit > 0 && await ledger.TokensThisMonthAsync(tenantId, cancellationToken) >= limit;
    }
}
