namespace Rose.Chat.Suggestions;

/// <summary>
/// Turns a section heading into a follow-up a visitor would type: a heading that already asks
/// ("Can I change my plan?") is the question; a topic ("Custom event goals") becomes "Tell me about
/// custom event goals", in the visitor's language, its first word lowercased unless it is a name
/// or an acronym (German keeps its capitals); a heading that only makes sense under its parent ("With Dapr" under "Running
/// Acme Rocket") takes the parent along.
/// </summary>
internal static class SuggestionPhrasing
{
    private static readonly Dictionary<string, string[]> QuestionWords = new(StringComparer.Ordinal)
    {
        ["en"] = ["how", "what", "what's", "why", "where", "when", "which", "who", "can", "could", "is", "are", "do", "does", "should", "will", "may"],
        ["fr"] = ["comment", "que", "qu'est-ce", "quel", "quelle", "quels", "quelles", "pourquoi", "où", "quand", "est-ce", "puis-je", "peut-on", "combien"],
        ["de"] = ["wie", "was", "warum", "wo", "wann", "welche", "welcher", "welches", "kann", "können", "ist", "sind", "gibt"],
    };

    private static readonly Dictionary<string, string[]> Connectors = new(StringComparer.Ordinal)
    {
        ["en"] = ["with", "on", "in", "for", "using", "via", "from", "to", "without"],
        ["fr"] = ["avec", "sur", "dans", "pour", "sans", "depuis", "via"],
        ["de"] = ["mit", "auf", "in", "für", "ohne", "über", "von"],
    };

    private static readonly Dictionary<string, string> TellMeAbout = new(StringComparer.Ordinal)
    {
        ["en"] = "Tell me about {0}",
        ["fr"] = "Parlez-moi de {0}",
        ["de"] = "Erzählen Sie mir mehr über {0}",
    };

    public static string? Phrase(IReadOnlyList<string> headingPath, string title, string language)
    {
        var words = Language(language);
        var heading = (headingPath.Count > 0 ? headingPath[^1] : title).Trim();
        if (heading.Length is <= 2 or >= 80)
        {
            return null;
        }

        if (IsQuestion(heading, words))
        {
            return heading.TrimEnd('.', ':', ' ').TrimEnd('?') + "?";
        }

        var topic = heading.TrimEnd('.', ':', '?', ' ');
        var parent = headingPath.Count > 1 ? headingPath[^2] : title;
        if (FirstWord(topic) is { } first && Connectors[words].Contains(first.ToLowerInvariant()) && !string.IsNullOrWhiteSpace(parent)
            && !string.Equals(parent.Trim(), topic, StringComparison.OrdinalIgnoreCase))
        {
            // The connector is an ordinary word whatever follows it ("With Dapr" → "with Dapr").
            topic = parent.Trim().TrimEnd('.', ':', '?', ' ') + " " + char.ToLowerInvariant(topic[0]) + topic[1..];
        }

        return string.Format(System.Globalization.CultureInfo.InvariantCulture, TellMeAbout[words], LowerFirstWord(topic, words));
    }

    private static string Language(string language) => QuestionWords.ContainsKey(language) ? language : "en";

    private static bool IsQuestion(string heading, string language) =>
        heading.EndsWith('?') || (FirstWord(heading) is { } first && QuestionWords[language].Contains(first.ToLowerInvariant()) && heading.Contains(' ', StringComparison.Ordinal));

    private static string? FirstWord(string text)
    {
        var end = text.IndexOf(' ', StringComparison.Ordinal);
        var word = end < 0 ? text : text[..end];
        return word.Length == 0 ? null : word;
    }

    /// <summary>
    /// "Custom event goals" → "custom event goals", "Running Acme Rocket" → "running Acme Rocket";
    /// "Google Analytics", "API keys", "WordPress" stay as they are, and so does German, whose nouns
    /// are capitalised.
    /// </summary>
    private static string LowerFirstWord(string text, string language)
    {
        var first = FirstWord(text);
        if (language == "de" || first is null || first.Length < 2 || !char.IsUpper(first[0]) || first.Skip(1).Any(char.IsUpper))
        {
            return text;
        }

        var rest = text[first.Length..].TrimStart();
        var nextWord = FirstWord(rest);
        // A capitalised second word makes the first part of a name ("Google Analytics"), unless the
        // first is an English verb form ("Running Acme Rocket").
        var verb = language == "en" && first.EndsWith("ing", StringComparison.Ordinal);
        if (nextWord is not null && char.IsUpper(nextWord[0]) && !verb)
        {
            return text;
        }

        return char.ToLowerInvariant(text[0]) + text[1..];
    }
}
