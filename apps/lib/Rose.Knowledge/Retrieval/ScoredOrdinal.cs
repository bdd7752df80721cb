namespace Rose.Knowledge.Retrieval;

/// <summary>A hit of one retriever: the chunk's position in the tenant index and that retriever's score.</summary>
public readonly record struct ScoredOrdinal(int Ordinal, float Score);
