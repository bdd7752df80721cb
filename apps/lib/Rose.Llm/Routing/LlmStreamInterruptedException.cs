namespace Rose.Llm.Routing;

/// <summary>
/// A provider failed after part of the answer was already streamed. Rose never finishes an answer
/// with another provider's tokens (two models' half-sentences read as nonsense), so the turn fails:
/// the chat shows its apology and the visitor can ask again.
/// </summary>
public sealed class LlmStreamInterruptedException(string provider, string model, int deltasSent, Exception inner)
    : InvalidOperationException($"{provider} ({model}) failed after {deltasSent} streamed deltas; the turn is abandoned rather than completed by another provider.", inner)
{
    public string Provider { get; } = provider;

    public string Model { get; } = model;
}
