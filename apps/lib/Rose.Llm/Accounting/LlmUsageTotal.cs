namespace Rose.Llm.Accounting;

/// <summary>A tenant's usage of one month, added up by purpose, provider and model.</summary>
public sealed record LlmUsageTotal(
    string Purpose,
    string Provider,
    string Model,
    int Calls,
    long InputTokens,
    long OutputTokens,
    decimal CostUsd);
