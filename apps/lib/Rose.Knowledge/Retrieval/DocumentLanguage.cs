using Rose.Llm.Composer;

namespace Rose.Knowledge.Retrieval;

/// <summary>
/// The language a document is written in, guessed from the function words of its first few
/// thousand characters: one guess per document, so that every chunk of it, headings and short
/// list items included, is analysed (stemmed, elided) by the same language's rules.
/// </summary>
public static class DocumentLanguage
{
    private const int SampleCharacters = 4_000;

    public static string Detect(IEnumerable<string> texts)
    {
        var sample = new System.Text.StringBuilder(SampleCharacters + 256);
        foreach (var text in texts)
        {
            sample.Append(text).Append('\n');
            if (sample.Length >= SampleCharacters)
            {
                break;
            }
        }

        return LanguageGuesser.Guess(sample.ToString());
    }
}
