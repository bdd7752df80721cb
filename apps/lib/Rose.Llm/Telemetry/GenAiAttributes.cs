namespace Rose.Llm.Telemetry;

/// <summary>Attribute names of the OpenTelemetry GenAI semantic conventions, plus Rose's own.</summary>
public static class GenAiAttributes
{
    public const string OperationName = "gen_ai.operation.name";
    public const string System = "gen_ai.system";
    public const string ProviderName = "gen_ai.provider.name";
    public const string RequestModel = "gen_ai.request.model";
    public const string RequestMaxTokens = "gen_ai.request.max_tokens";
    public const string RequestTemperature = "gen_ai.request.temperature";
    public const string ResponseModel = "gen_ai.response.model";
    public const string ResponseFinishReasons = "gen_ai.response.finish_reasons";
    public const string InputTokens = "gen_ai.usage.input_tokens";
    public const string OutputTokens = "gen_ai.usage.output_tokens";
    public const string TokenType = "gen_ai.token.type";
    /// <summary>The call's cost (US dollars) where Langfuse reads it: its generations' cost field.</summary>
    public const string UsageCost = "gen_ai.usage.cost";
    public const string ErrorType = "error.type";
    public const string ServerAddress = "server.address";

    public const string Purpose = "rose.llm.purpose";
    /// <summary>The tenant a span or measurement belongs to (also a label of the per-tenant counters).</summary>
    public const string Tenant = "rose.tenant_id";

    /// <summary>What the call cost in US dollars, from the provider's configured prices per million tokens.</summary>
    public const string CostUsd = "rose.llm.cost_usd";

    /// <summary>Inputs of one embeddings request.</summary>
    public const string EmbeddingInputs = "rose.llm.embedding_inputs";
    public const string ProviderConfigName = "rose.llm.provider";
    public const string Attempt = "rose.llm.attempt";
    public const string Outcome = "rose.llm.outcome";
    public const string Complexity = "rose.llm.complexity";
    public const string Streaming = "rose.llm.streaming";
    public const string AnswerSource = "rose.llm.answer_source";
    public const string OfflineReason = "rose.llm.offline_reason";
    public const string Declined = "rose.llm.declined";
    public const string TimeToFirstToken = "rose.llm.time_to_first_token";
    public const string OutputTokensPerSecond = "rose.llm.output_tokens_per_second";
}
