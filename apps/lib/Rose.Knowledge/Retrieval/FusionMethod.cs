namespace Rose.Knowledge.Retrieval;

/// <summary>How the rankings of the retrievers (vector, keyword, graph) become one.</summary>
public enum FusionMethod
{
    /// <summary>Weighted reciprocal rank: weight / (k + rank) per ranking; scores are ignored.</summary>
    Rrf,

    /// <summary>
    /// Each ranking's scores scaled to 0..1 over its own candidates (min-max), then a weighted sum:
    /// keeps how far ahead the best hit is, which RRF throws away.
    /// </summary>
    Normalized,
}
