namespace Rose.Llm.Composer;

/// <summary><c>Rose:Llm:Composer</c>: how the offline answer is built.</summary>
public sealed class OfflineComposerOptions
{
    /// <summary>
    /// Below this relevance of the best sentence (its passage's MiniLM similarity mixed with the share of
    /// question terms it holds) the composer declines. On the test fixtures, answered questions score
    /// 0.48–0.71 and unrelated ones 0.03–0.23.
    /// </summary>
    public double MinConfidence { get; set; } = 0.4;

    /// <summary>A sentence is kept only if it scores at least this share of the best one.</summary>
    public double RelativeFloor { get; set; } = 0.8;

    /// <summary>A sentence sharing this share of its terms with one already kept (Jaccard) says the same thing twice.</summary>
    public double RedundancyThreshold { get; set; } = 0.85;

    public int MaxSentences { get; set; } = 3;

    /// <summary>A visitor wants the right passage, not a wall of text.</summary>
    public int MaxCharacters { get; set; } = 500;

    /// <summary>Only the best-ranked passages are read.</summary>
    public int MaxPassages { get; set; } = 6;

    /// <summary>Check retrieval confidence before calling an LLM, declining without spending tokens.</summary>
    public bool CheckConfidenceBeforeLlm { get; set; } = true;
}
