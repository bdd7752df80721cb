using System.Text.RegularExpressions;

namespace Rose.Llm.Routing;

/// <summary>
/// Offline, microsecond-cheap: a handful of surface features and a logistic model with hand-set
/// weights. A short factual question ("What does it cost?") is simple; a long, multi-part or
/// reasoning question ("How does X compare with Y, and why…") is complex. Errors are cheap in both
/// directions (a simple question answered by the big model costs a little more; a complex one by the
/// fast model is a little weaker), so no network call or embedding is worth spending on it.
/// </summary>
public sealed partial class PromptComplexityClassifier
{
    private const double Bias = -2.2;
    private const double PerTenWords = 0.55;
    private const double PerExtraQuestion = 0.9;
    private const double PerConjunction = 0.35;
    private const double PerReasoningCue = 1.4;
    private const double PerComma = 0.25;
    private const double CodeOrData = 1.5;

    private static readonly string[] ReasoningCues =
    [
        "why", "how does", "how do", "how can", "compare", "compared", "comparison", "difference", "differences", "versus", " vs ",
        "explain", "pros", "cons", "trade-off", "tradeoff", "integrate", "integration", "migrate", "migration", "architecture",
        "step by step", "best way", "recommend", "should i", "pourquoi", "comment fonctionne", "différence", "comparer", "expliquer",
        "warum", "unterschied", "vergleich", "por qué", "diferencia", "comparar", "perché", "differenza", "waarom", "verschil",
    ];

    private static readonly HashSet<string> Conjunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "but", "also", "then", "et", "ou", "mais", "und", "oder", "aber", "y", "o", "pero", "e", "ma", "en", "of", "maar",
    };

    /// <summary>Probability that the prompt is complex, in [0, 1].</summary>
    public double Score(string prompt)
    {
        var text = $" {prompt.ToLowerInvariant()} ";
        var words = Words().Matches(text).Select(m => m.Value).ToList();
        var questions = text.Count(c => c == '?');
        var z = Bias
            + (PerTenWords * words.Count / 10.0)
            + (PerExtraQuestion * Math.Max(0, questions - 1))
            + (PerConjunction * words.Count(Conjunctions.Contains))
            + (PerReasoningCue * ReasoningCues.Count(cue => text.Contains(cue, StringComparison.Ordinal)))
            + (PerComma * text.Count(c => c is ',' or ';'))
            + (CodeLike().IsMatch(text) ? CodeOrData : 0);
        return 1 / (1 + Math.Exp(-z));
    }

    public PromptComplexity Classify(string prompt) => Score(prompt) >= 0.5 ? PromptComplexity.Complex : PromptComplexity.Simple;

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}'-]*")]
    private static partial Regex Words();

    [GeneratedRegex(@"[{}<>=;]|```|\bselect\b.+\bfrom\b")]
    private static partial Regex CodeLike();
}
