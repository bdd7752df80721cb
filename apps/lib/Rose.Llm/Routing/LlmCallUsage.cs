namespace Rose.Llm.Routing;

/// <summary>What a successful call consumed, as accounted to the tenant.</summary>
/// <param name="Estimated">The provider reported no usage; tokens were estimated from the text.</param>
public sealed record LlmCallUsage(long InputTokens, long OutputTokens, string? FinishReason, bool Estimated);
