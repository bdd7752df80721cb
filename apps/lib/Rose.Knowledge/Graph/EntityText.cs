using System.Text.RegularExpressions;

namespace Rose.Knowledge.Graph;

/// <summary>How entity keys and relation keywords are normalised, the same at indexing and query time.</summary>
public static partial class EntityText
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i", "if", "in", "into", "is", "it",
        "its", "my", "of", "on", "or", "our", "so", "that", "the", "their", "then", "there", "this", "to", "was", "what", "when",
        "where", "which", "who", "why", "will", "with", "you", "your", "we", "us", "me", "not", "no", "yes", "has", "have", "had",
        "le", "la", "les", "un", "une", "des", "de", "du", "et", "ou", "est", "en", "pour", "par", "sur", "dans", "que", "qui",
    };

    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>Whether a normalised key can name an entity: not a lone stop word, not empty, not a whole sentence.</summary>
    public static bool IsEntityKey(string key) => key.Length is >= 2 and <= 120 && !IsStopWord(key);

    public static IEnumerable<string> Words(string text) =>
        Word().Matches(text.ToLowerInvariant()).Select(m => m.Value.Trim('.', ':', '-', '_'));

    public static string Key(string label) => string.Join(' ', Words(label));

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}._:\-]*")]
    private static partial Regex Word();
}
