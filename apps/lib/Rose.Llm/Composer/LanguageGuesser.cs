namespace Rose.Llm.Composer;

/// <summary>
/// Guesses the language of a short text from its most frequent function words: enough to pick the
/// wording of a decline or a lead-in for the languages Rose's clients write in, with no model.
/// </summary>
public static class LanguageGuesser
{
    public const string Default = "en";

    private static readonly Dictionary<string, HashSet<string>> StopWords = new(StringComparer.Ordinal)
    {
        ["en"] = Set("the a an is are do does you your we our my of to in for with what how can which and or it this that be have there when where who"),
        ["fr"] = Set("le la les un une des est sont vous votre vos nous notre nos mes mon ma de du pour avec quel quelle quels comment et ou où ce cette que qui dans au aux avez pouvez peut puis"),
        ["de"] = Set("der die das ein eine ist sind sie ihr wir unser von zu für mit was wie und oder es dies diese im den dem nicht auch"),
        ["es"] = Set("el la los las un una es son usted su nosotros nuestro de para con qué cómo y o esto esta que en del al por"),
        ["it"] = Set("il lo la gli le un una è sono voi vostro noi nostro di per con che come e o questo questa in del della"),
        ["nl"] = Set("de het een is zijn u uw wij ons van voor met wat hoe en of dit deze dat in niet ook"),
        ["pt"] = Set("o a os as um uma é são você seu nós nosso de para com que como e ou isto esta em do da não"),
    };

    /// <summary>Whether <paramref name="word"/> (lowercase) is a function word in any known language.</summary>
    public static bool IsStopWord(string word) => StopWords.Values.Any(set => set.Contains(word));

    public static string Guess(string text)
    {
        var words = text.ToLowerInvariant()
            .Split([' ', '\t', '\n', ',', '.', '?', '!', ';', ':', '(', ')', '"', '\'', '’', '¿', '¡'], StringSplitOptions.RemoveEmptyEntries);
        var best = Default;
        var bestHits = 0;
        foreach (var (language, stopWords) in StopWords)
        {
            var hits = words.Count(stopWords.Contains);
            if (hits > bestHits)
            {
                best = language;
                bestHits = hits;
            }
        }

        return best;
    }

    private static HashSet<string> Set(string words) => new(words.Split(' '), StringComparer.Ordinal);
}
