using Rose.Llm.Composer;

namespace Rose.Llm.Answering;

/// <summary>A finished answer: its text, what it cites, and how it came about.</summary>
/// <param name="Text">The whole answer, as streamed.</param>
/// <param name="Citations">The passages cited as <c>[n]</c> in <paramref name="Text"/>.</param>
/// <param name="Declined">The knowledge base has no answer: the chat should offer the contact skill.</param>
/// <param name="Source">LLM or offline composer.</param>
/// <param name="Provider">The provider that wrote it, when an LLM did.</param>
/// <param name="Model">The model that wrote it, when an LLM did.</param>
/// <param name="OfflineReason">Why the composer wrote it, when it did.</param>
public sealed record GroundedAnswer(
    string Text,
    IReadOnlyList<Citation> Citations,
    bool Declined,
    AnswerSource Source,
    string? Provider,
    string? Model,
    OfflineReason? OfflineReason)
{
    /// <summary>Whether the chat should end with the tenant's contact skill.</summary>
    public bool OfferContact => Declined;
}
