using System.Globalization;
using System.Text;

namespace Rose.Tagging.Classification;

/// <summary>
/// A conversation as the classifiers read it. Intent is judged on what the visitor wrote only: the
/// agent's answers quote the knowledge base (prices, security pages) whatever the visitor wanted.
/// </summary>
public sealed class ConversationTranscript
{
    public ConversationTranscript(IReadOnlyList<TranscriptMessage> messages)
    {
        Messages = messages;
        VisitorText = string.Join("\n", messages.Where(m => m.IsVisitor).Select(m => m.Text));
        NormalizedVisitorText = Normalize(VisitorText);
    }

    public IReadOnlyList<TranscriptMessage> Messages { get; }

    public string VisitorText { get; }

    /// <summary>Lowercase, without accents (é → e, ß → ss, ü → u), so one rule covers every spelling.</summary>
    public string NormalizedVisitorText { get; }

    public int VisitorMessageCount => Messages.Count(m => m.IsVisitor);

    public static string Normalize(string text)
    {
        var decomposed = text.ToLowerInvariant().Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c == '’' ? '\'' : c);
            }
        }

        return kept.ToString().Normalize(NormalizationForm.FormC);
    }
}
