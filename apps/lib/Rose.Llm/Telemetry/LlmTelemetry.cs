using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Rose.Llm.Telemetry;

/// <summary>
/// The module's ActivitySource and Meter, both named <see cref="Name"/>: add it to the tracer and
/// meter providers (ServiceDefaults does for every <c>Rose.*</c> source). Instruments follow the GenAI
/// client conventions where one exists, and use the <c>rose.llm.*</c> prefix otherwise.
/// </summary>
public static class LlmTelemetry
{
    public const string Name = "Rose.Llm";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Histogram<long> TokenUsage = Meter.CreateHistogram<long>(
        "gen_ai.client.token.usage", "{token}", "Tokens used per call, by gen_ai.token.type (input or output).");

    public static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        "gen_ai.client.operation.duration", "s", "Duration of one attempt against a provider.");

    public static readonly Histogram<double> TimeToFirstToken = Meter.CreateHistogram<double>(
        "rose.llm.time_to_first_token", "s", "From sending the request to the first text delta.");

    public static readonly Histogram<double> OutputTokensPerSecond = Meter.CreateHistogram<double>(
        "rose.llm.output_tokens_per_second", "{token}/s", "Generation speed after the first token.");

    public static readonly Counter<long> Attempts = Meter.CreateCounter<long>(
        "rose.llm.attempts", "{attempt}", "Every attempt against a provider, by outcome.");

    public static readonly Counter<long> Fallbacks = Meter.CreateCounter<long>(
        "rose.llm.fallbacks", "{fallback}", "Moves to the next provider of a chain.");

    /// <summary>Circuit-breaker changes of state, by provider and <c>rose.llm.breaker.from</c>/<c>.to</c> (closed, open, half-open).</summary>
    public static readonly Counter<long> BreakerTransitions = Meter.CreateCounter<long>(
        "rose.llm.breaker.transitions", "{transition}", "Circuit-breaker changes of state, by provider, rose.llm.breaker.from and rose.llm.breaker.to.");

    public static readonly Counter<long> OfflineAnswers = Meter.CreateCounter<long>(
        "rose.llm.offline_answers", "{answer}", "Answers composed offline, by reason.");

    /// <summary>Every grounded answer, by <c>rose.llm.answer_source</c> (<c>llm</c> or <c>offline</c>) and tenant.</summary>
    public static readonly Counter<long> Answers = Meter.CreateCounter<long>(
        "rose.llm.answers", "{answer}", "Grounded answers, by rose.llm.answer_source (llm or offline) and rose.tenant_id.");

    /// <summary>Tokens of successful calls per tenant: the figure budgets are counted in.</summary>
    public static readonly Counter<long> TenantTokens = Meter.CreateCounter<long>(
        "rose.llm.tokens", "{token}", "Tokens of successful calls, by rose.tenant_id and gen_ai.token.type.");

    /// <summary>What successful calls cost per tenant, in US dollars (the unit is an annotation, so Prometheus names it rose_llm_cost_total).</summary>
    public static readonly Counter<double> TenantCost = Meter.CreateCounter<double>(
        "rose.llm.cost", "{USD}", "Cost of successful calls in US dollars, by rose.tenant_id and gen_ai.request.model.");
}
