using System.Text.RegularExpressions;

namespace Rose.Geo.Collection;

/// <summary>
/// Takes personal data out of a visitor question before it is stored for GEO or can reach a page:
/// e-mail addresses, phone numbers, URLs with query strings, the names the visitor left in the
/// lead form, and the name a visitor gives in the text ("I'm Anna", "my name is …", "this is Tom
/// from …"). What remains is the need, in the visitor's words; a sentence that was only about the
/// visitor ("my email is …, call me") is dropped.
/// </summary>
public static partial class PersonalDataScrubber
{
    public static string Scrub(string text, IReadOnlyList<string> visitorNames)
    {
        var scrubbed = Email().Replace(text, " ");
        scrubbed = Phone().Replace(scrubbed, " ");
        scrubbed = SelfIntroduction().Replace(scrubbed, " ");
        scrubbed = SignOff().Replace(scrubbed, " ");
        foreach (var name in visitorNames.SelectMany(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Where(n => n.Length > 1))
        {
            scrubbed = Regex.Replace(scrubbed, $@"\b{Regex.Escape(name)}\b", " ", RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100));
        }

        // Sentences left without their subject ("my email is", "you can reach me at") say nothing about the need.
        var sentences = SentenceBoundary().Split(scrubbed)
            .Select(s => Spaces().Replace(s, " ").Trim(' ', ',', ';', ':', '-'))
            .Where(s => !PunctuationOnly().IsMatch(s) && !ContactOnly().IsMatch(s))
            .ToList();
        var result = string.Join(" ", sentences).Trim();
        return PunctuationOnly().IsMatch(result) ? string.Empty : result;
    }

    /// <summary>True when <paramref name="text"/> still holds an e-mail address or a phone number (a check for tests and for the publish step).</summary>
    public static bool ContainsContactData(string text) => Email().IsMatch(text) || Phone().IsMatch(text);

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<!\w)\+?\d[\d\s().-]{6,}\d(?!\w)")]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b(?:my name is|my name's|i am|i'm|this is|je m'appelle|ich heiße|ich bin)\s+(?-i:[A-Z][\p{L}'-]+)(?:\s+(?-i:[A-Z][\p{L}'-]+))?(?:\s+(?:from|at|of|with)\s+(?-i:[A-Z][\p{L}&'-]*)(?:\s+(?-i:[A-Z][\p{L}&'-]*)(?![\p{L}&'-]*\s+[a-z]))*)?", RegexOptions.IgnoreCase)]
    private static partial Regex SelfIntroduction();

    [GeneratedRegex(@"(?:^|[\s,.!])(?:thanks|thank you|regards|best|cheers|cordialement|merci|grüße)[,!.]?\s+(?-i:[A-Z][\p{L}'-]+)\s*[.!]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SignOff();

    [GeneratedRegex(@"^(?:(?:you can )?(?:reach|contact|call|email|e-mail|text|write to) me\b.*|my (?:e-?mail|phone|number|mobile|cell|address)(?: address| number)? is\b.*|(?:e-?mail|phone|tel|mobile)\s*:?\s*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ContactOnly();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceBoundary();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^[\p{P}\s]*$")]
    private static partial Regex PunctuationOnly();
}
