namespace Rose.Llm.Routing;

/// <summary>A whole (non-streamed) completion and who produced it.</summary>
public sealed record LlmCompletion(string Text, string Provider, string Model, long InputTokens, long OutputTokens, string? FinishReason);
