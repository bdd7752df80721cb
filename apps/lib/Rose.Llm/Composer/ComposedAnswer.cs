namespace Rose.Llm.Composer;

/// <summary>What the offline composer produced.</summary>
/// <param name="Text">The answer, with <c>[n]</c> citations; or the honest decline.</param>
/// <param name="Citations">The passages cited, by number.</param>
/// <param name="Declined">Nothing retrieved answers the question well enough: the chat should offer the contact skill.</param>
/// <param name="Confidence">Relevance of the best sentence to the question (cosine-based, 0–1).</param>
/// <param name="Language">ISO 639-1 code of the answer's language.</param>
public sealed record ComposedAnswer(string Text, IReadOnlyList<Citation> Citations, bool Declined, double Confidence, string Language);
