using System.Text.RegularExpressions;

namespace Rose.Knowledge.Retrieval;

/// <summary>
/// Recognises questions that name exact strings: quoted text, error codes, versions, identifiers
/// (<c>plausible.js</c>, <c>/api/v1</c>, <c>HTTP_404</c>, <c>getStats</c>). An embedding model
/// blurs such tokens into their neighbours while BM25 matches them letter for letter, so the
/// fusion leans on keywords for them.
/// </summary>
public static partial class QuerySteering
{
    public static bool NamesExactTerms(string query) => ExactTerm().IsMatch(query);

    // Text in double quotes, backticks or guillemets (not apostrophes: "what's"); a word with a digit; a dotted, slashed or underscored identifier; a
    // lower-then-upper case change inside a word (camelCase). Hyphenated words (real-time) and
    // acronyms (API, UTM) are left out: ordinary questions are full of them.
    [GeneratedRegex("""["`“«][^"`”»]{2,}["`”»]|\b\w*\d\w*\b|\b\w+[._/]\w+\b|\b[a-z]+[A-Z]\w*\b""", RegexOptions.CultureInvariant)]
    private static partial Regex ExactTerm();
}
