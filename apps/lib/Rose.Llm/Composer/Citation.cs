namespace Rose.Llm.Composer;

/// <summary>A <c>[Number]</c> in an answer and the passage it points to.</summary>
public sealed record Citation(int Number, GroundingPassage Passage);
