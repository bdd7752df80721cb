using System.Text.RegularExpressions;
using Rose.Knowledge.Retrieval;

namespace Rose.Chat.Guardrails;

/// <summary>
/// Retrieved text is data, never instructions: sentences that try to steer the agent are removed
/// before a passage reaches the LLM or the composer, and markup is reduced to text.
/// </summary>
public static partial class PassageSanitizer
{
    public static RetrievedPassage Clean(RetrievedPassage passage)
    {
        var text = Markup().Replace(passage.Text, " ");
        var sentences = SentenceBoundary().Split(text)
            .Where(s => !InjectionPatterns.IsInstruction(s));
        return passage with { Text = Whitespace().Replace(string.Join(' ', sentences), " ").Trim() };
    }

    // HTML tags and markdown images: neither is content a visitor should get back.
    [GeneratedRegex(@"<[^>]{0,500}>|!\[[^\]]{0,300}\]\([^)]{0,2000}\)", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    [GeneratedRegex(@"(?<=[.!?])\s+|\n{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBoundary();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Whitespace();
}
