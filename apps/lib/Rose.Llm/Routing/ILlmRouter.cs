using Microsoft.Extensions.AI;

namespace Rose.Llm.Routing;

/// <summary>
/// Calls the provider chain configured for a purpose, with timeouts, retries, circuit breakers and
/// fallback, and accounts the tokens to the tenant. Throws <see cref="LlmUnavailableException"/> when
/// no provider could start (not configured, budget spent, all failed) and
/// <see cref="LlmStreamInterruptedException"/> when a provider broke off after sending tokens.
/// </summary>
public interface ILlmRouter
{
    /// <summary>Whether at least one provider is configured for <paramref name="purpose"/>.</summary>
    bool IsConfigured(string purpose);

    /// <summary>Streams text deltas, all from one provider.</summary>
    IAsyncEnumerable<string> StreamAsync(string purpose, string tenantId, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken);

    /// <summary>Streams text deltas with the provider and model that produced them.</summary>
    IAsyncEnumerable<RoutedDelta> StreamWithSourceAsync(string purpose, string tenantId, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken);

    /// <summary>One whole completion (non-streaming provider call): rewrites, tags, suggestions, drafts.</summary>
    Task<LlmCompletion> CompleteAsync(string purpose, string tenantId, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken);
}
