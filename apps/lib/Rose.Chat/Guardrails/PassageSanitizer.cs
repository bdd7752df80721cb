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
        var sentences = SentenceBoundary().Split(text);
        var kept = sentences.Where(s => !InjectionPatterns.IsInstruction(s)).ToList();
        return passage with
        {
            Text = Whitespace().Replace(string.Join(' ', kept), " ").Trim(),

            // The chunk's vector also stands for the instructions just removed: whoever needs the
            // passage's meaning embeds what is left rather than trust it.
            Vector = kept.Count == sentences.Length ? passage.Vector : ReadOnlyMemory<float>.Empty,
        };
    }

    // HTML tags and markdown images: neither is content a visitor should get back.
    [GeneratedRegex(@"<[^>]{0,500}>|!\[[^\]]{0,300}\]\([^)]{0,2000}\)", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();

    [GeneratedRegex(@"(?<=[.!?])\s+|\n{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBoundary();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Whitespace();
}
