namespace Rose.Llm.Accounting;

/// <summary>What one successful call consumed.</summary>
public sealed record LlmUsage(
    string TenantId,
    string Purpose,
    string Provider,
    string Model,
    long InputTokens,
    long OutputTokens,
    decimal CostUsd,
    bool Estimated);
