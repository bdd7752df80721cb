using Rose.Llm.Composer;

namespace Rose.Llm.Answering;

/// <summary>
/// The chat's entry point: a grounded, cited answer for a tenant's visitor, streamed. Uses the
/// tenant's LLM chain when one is configured and the budget allows, the offline composer otherwise
/// (or when every provider failed before the first token). Never throws because of a provider,
/// except <see cref="Routing.LlmStreamInterruptedException"/> when a provider broke off mid-answer.
/// </summary>
public interface IAnswerGenerator
{
    /// <summary>Deltas, then one last update carrying the finished <see cref="GroundedAnswer"/>.</summary>
    IAsyncEnumerable<AnswerUpdate> StreamAnswerAsync(AnswerRequest request, CancellationToken cancellationToken);

    /// <summary>The same answer, not streamed.</summary>
    Task<GroundedAnswer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken);

    /// <summary>The offline composer alone (no LLM, no tokens): for previews, tests and the GEO fallback.</summary>
    Task<ComposedAnswer> ComposeOfflineAsync(string question, IReadOnlyList<GroundingPassage> passages, CancellationToken cancellationToken);
}
