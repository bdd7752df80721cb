using System.ComponentModel.DataAnnotations;

namespace Rose.Knowledge.Retrieval;

/// <summary>Configuration section <c>Rose:Knowledge:Retrieval</c>.</summary>
public sealed class RetrievalOptions
{
    public const string SectionName = "Rose:Knowledge:Retrieval";

    /// <summary>How many hits each retriever (vector, keyword, graph) contributes to the fusion.</summary>
    [Range(5, 1000)]
    public int CandidatesPerRetriever { get; set; } = 40;

    /// <summary>How the rankings are combined; fitted on the quality benchmark (tests/Rose.Benchmarks).</summary>
    public FusionMethod Fusion { get; set; } = FusionMethod.Normalized;

    /// <summary>
    /// How much more a ranking weighs when its best hit stands out from the rest
    /// (<see cref="NormalizedScoreFusion"/>; <see cref="FusionMethod.Normalized"/> only); 0 turns it off.
    /// </summary>
    [Range(0.0, 100.0)]
    public double FusionDecisiveness { get; set; } = 16;

    /// <summary>The k of reciprocal-rank fusion (<see cref="FusionMethod.Rrf"/> only).</summary>
    [Range(1, 1000)]
    public int RrfK { get; set; } = 60;

    /// <summary>The dense ranking's weight; with <see cref="KeywordWeight"/>, fitted on the quality benchmark.</summary>
    [Range(0.0, 100.0)]
    public double VectorWeight { get; set; } = 0.7;

    [Range(0.0, 100.0)]
    public double KeywordWeight { get; set; } = 0.3;

    /// <summary>
    /// The keyword weight is multiplied by this for questions that name exact strings (quoted text,
    /// codes, identifiers: <see cref="QuerySteering"/>); 1 turns steering off.
    /// </summary>
    [Range(0.0, 100.0)]
    public double ExactTermKeywordBoost { get; set; } = 1.0;

    /// <summary>Keyword field weights (<see cref="KeywordBoosts"/>): the chunk's text.</summary>
    [Range(0.0, 100.0)]
    public float KeywordBodyBoost { get; set; } = KeywordBoosts.Default.Body;

    /// <summary>The document's title and the chunk's heading path.</summary>
    [Range(0.0, 100.0)]
    public float KeywordHeadingBoost { get; set; } = KeywordBoosts.Default.Heading;

    /// <summary>The chunk's own section heading.</summary>
    [Range(0.0, 100.0)]
    public float KeywordSectionBoost { get; set; } = KeywordBoosts.Default.Section;

    /// <summary>The question's words in order in the section heading.</summary>
    [Range(0.0, 100.0)]
    public float KeywordPhraseBoost { get; set; } = KeywordBoosts.Default.Phrase;

    public KeywordBoosts KeywordBoosts => new(KeywordBodyBoost, KeywordHeadingBoost, KeywordSectionBoost, KeywordPhraseBoost);

    /// <summary>
    /// Off by default: with the offline extractor, on a product documentation set, graph votes
    /// (weight 0.3) lowered MRR@3 from 0.990 to 0.967 (the quality benchmark). Raise it with an LLM extractor.
    /// </summary>
    public double GraphWeight { get; set; }

    /// <summary>How many fused candidates go to the reranker (Cohere or MMR).</summary>
    [Range(1, 200)]
    public int RerankCandidates { get; set; } = 20;

    /// <summary>MMR trade-off: 1 is pure relevance, 0 pure diversity.</summary>
    [Range(0.0, 1.0)]
    public double MmrLambda { get; set; } = 0.95;

    /// <summary>
    /// Passages of one document in an answer before that document's further passages go behind
    /// those of other documents; 0 means no limit.
    /// </summary>
    [Range(0, 100)]
    public int MaxPassagesPerDocument { get; set; } = 2;

    /// <summary>Scan an int8 copy of the vectors and re-score the best exactly, whatever the tenant's size.</summary>
    public bool QuantizeVectors { get; set; }

    /// <summary>
    /// Tenants with at least this many chunks scan the int8 copy (0: only when <see cref="QuantizeVectors"/>).
    /// 10k float vectors are 15 MB, more than the caches hold next to the keyword index, so the
    /// float scan is bound by memory; the int8 scan reads a quarter of it (tests/Rose.Benchmarks).
    /// </summary>
    [Range(0, int.MaxValue)]
    public int QuantizeFromChunks { get; set; } = 5_000;

    public bool QuantizesAt(int chunks) => QuantizeVectors || (QuantizeFromChunks > 0 && chunks >= QuantizeFromChunks);
}
