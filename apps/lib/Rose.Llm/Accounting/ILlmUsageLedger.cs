namespace Rose.Llm.Accounting;

/// <summary>Stores what each tenant's LLM calls consumed and adds it up.</summary>
public interface ILlmUsageLedger
{
    Task RecordAsync(LlmUsage usage, CancellationToken cancellationToken);

    /// <summary>Input plus output tokens of the tenant in the current calendar month (UTC).</summary>
    Task<long> TokensThisMonthAsync(string tenantId, CancellationToken cancellationToken);

    Task<IReadOnlyList<LlmUsageTotal>> TotalsAsync(string tenantId, int year, int month, CancellationToken cancellationToken);
}
