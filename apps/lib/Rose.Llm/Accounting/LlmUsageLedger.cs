using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rose.Llm.Accounting.Data;
using Rose.Storage;

namespace Rose.Llm.Accounting;

/// <summary>
/// The ledger on Rose.Storage. It is used from the singleton router, so each call opens its own
/// scope and acts for the tenant it is given: the tenant filter of the context does the rest.
/// </summary>
public sealed class LlmUsageLedger(IServiceScopeFactory scopes, TimeProvider time) : ILlmUsageLedger
{
    private const decimal MicrosPerDollar = 1_000_000m;

    public async Task RecordAsync(LlmUsage usage, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(usage.TenantId);
        var db = scope.ServiceProvider.GetRequiredService<LlmDbContext>();
        var now = time.GetUtcNow();
        db.Usage.Add(new LlmUsageRecord
        {
            Id = Guid.CreateVersion7(now),
            Month = MonthKey(now.Year, now.Month),
            At = now,
            Purpose = usage.Purpose,
            Provider = usage.Provider,
            Model = usage.Model,
            InputTokens = usage.InputTokens,
            OutputTokens = usage.OutputTokens,
            CostMicroUsd = (long)Math.Round(usage.CostUsd * MicrosPerDollar, MidpointRounding.AwayFromZero),
            Estimated = usage.Estimated,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<long> TokensThisMonthAsync(string tenantId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
        var month = MonthKey(now.Year, now.Month);
        return await scope.ServiceProvider.GetRequiredService<LlmDbContext>().Usage
            .Where(u => u.Month == month)
            .SumAsync(u => u.InputTokens + u.OutputTokens, cancellationToken);
    }

    public async Task<IReadOnlyList<LlmUsageTotal>> TotalsAsync(string tenantId, int year, int month, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
        var key = MonthKey(year, month);
        var rows = await scope.ServiceProvider.GetRequiredService<LlmDbContext>().Usage
            .Where(u => u.Month == key)
            .GroupBy(u => new { u.Purpose, u.Provider, u.Model })
            .Select(g => new
            {
                g.Key.Purpose,
                g.Key.Provider,
                g.Key.Model,
                Calls = g.Count(),
                Input = g.Sum(u => u.InputTokens),
                Output = g.Sum(u => u.OutputTokens),
                Cost = g.Sum(u => u.CostMicroUsd),
            })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.Purpose, StringComparer.Ordinal).ThenBy(r => r.Provider, StringComparer.Ordinal).ThenBy(r => r.Model, StringComparer.Ordinal)
            .Select(r => new LlmUsageTotal(r.Purpose, r.Provider, r.Model, r.Calls, r.Input, r.Output, r.Cost / MicrosPerDollar))
            .ToList();
    }

    private static int MonthKey(int year, int month) => (year * 100) + month;
}
