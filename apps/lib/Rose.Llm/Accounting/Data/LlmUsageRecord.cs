using Rose.Storage;

namespace Rose.Llm.Accounting.Data;

/// <summary>One successful LLM call of a tenant: tokens in and out and what they cost.</summary>
public sealed class LlmUsageRecord : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public Guid Id { get; set; }

    /// <summary>Calendar month (UTC) as <c>yyyyMM</c>: what budgets and invoices add up by.</summary>
    public int Month { get; set; }

    public DateTimeOffset At { get; set; }

    public string Purpose { get; set; } = string.Empty;

    public string Provider { get; set; } = string.Empty;

    public string Model { get; set; } = string.Empty;

    public long InputTokens { get; set; }

    public long OutputTokens { get; set; }

    /// <summary>Cost in millionths of a US dollar: an integer, so SQLite and PostgreSQL sum it alike.</summary>
    public long CostMicroUsd { get; set; }

    /// <summary>The provider reported no usage, so tokens were estimated from the text length.</summary>
    public bool Estimated { get; set; }
}
