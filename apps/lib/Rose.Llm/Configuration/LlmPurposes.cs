namespace Rose.Llm.Configuration;

/// <summary>What an LLM call is for; each purpose has its own provider chain and prompt.</summary>
public static class LlmPurposes
{
    public const string Answer = "answer";
    public const string QueryRewrite = "query-rewrite";
    public const string Suggestions = "suggestions";
    public const string SkillSelection = "skill-selection";
    public const string Tagging = "tagging";
    public const string GeoDrafting = "geo-drafting";
    public const string GraphExtraction = "graph-extraction";

    public static IReadOnlyList<string> All { get; } =
        [Answer, QueryRewrite, Suggestions, SkillSelection, Tagging, GeoDrafting, GraphExtraction];

    /// <summary>The purposes a visitor waits on during a chat turn: their calls get the first-token deadline.</summary>
    public static IReadOnlyList<string> VisitorWaits { get; } = [Answer, QueryRewrite, Suggestions, SkillSelection];

    public static bool IsKnown(string purpose) => All.Contains(purpose, StringComparer.Ordinal);
}
