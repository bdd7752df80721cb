using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rose.Chat.Guardrails;
using Rose.Geo.Data;
using Rose.Knowledge.Retrieval;
using Rose.Llm.Answering;
using Rose.Llm.Composer;
using Rose.Llm.Configuration;
using Rose.Llm.Prompts;
using Rose.Llm.Routing;

namespace Rose.Geo.Drafting;

/// <summary>
/// Drafts one FAQ answer grounded in the tenant's knowledge base, with the retrieval and the offline
/// composer the chat uses: the LLM purpose <c>geo-drafting</c> writes it when a chain is configured,
/// otherwise (or when no provider could answer) the extractive composer picks the sources' own
/// sentences. Every passage gets its own number, so that each citation points at the very chunk its
/// sentence comes from, with that sentence as its quotation. A question the knowledge base cannot
/// answer (the composer declines, or nothing is cited) is a content gap.
/// </summary>
public sealed partial class GeoAnswerDrafter(
    IKnowledgeRetriever retriever,
    IAnswerGenerator answers,
    ILlmRouter router,
    PromptLibrary prompts,
    IOptions<GeoOptions> options,
    ILogger<GeoAnswerDrafter> logger)
{
    public async Task<DraftedAnswer> DraftAsync(string tenantId, string question, CancellationToken cancellationToken)
    {
        var retrieved = (await retriever.RetrieveAsync(tenantId, question, options.Value.PassagesPerDraft, cancellationToken))
            .Select(PassageSanitizer.Clean)
            .Where(p => p.Text.Length > 0)
            .ToList();
        if (retrieved.Count == 0)
        {
            return DraftedAnswer.Gap;
        }

        var passages = retrieved.Select((p, i) => new GroundingPassage(i + 1, p.DocumentId, p.ChunkId, TitleOf(p), p.SourceUrl, p.Text, p.Score) { Vector = p.Vector }).ToList();
        var (text, source) = await WriteAsync(tenantId, question, passages, cancellationToken);
        if (text is null)
        {
            return DraftedAnswer.Gap;
        }

        var drafted = Renumber(text, passages, source);
        return drafted.IsGap || Coverage(question, drafted.Citations) >= options.Value.MinQuestionCoverage ? drafted : DraftedAnswer.Gap;
    }

    /// <summary>The share of the question's content words that the cited chunks contain (a word matches by its first five letters, a crude stem).</summary>
    internal static double Coverage(string question, IReadOnlyList<StoredGeoCitation> citations)
    {
        var terms = WordPattern().Matches(question.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length > 2 && !StopWords.Contains(w)).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0)
        {
            return 1;
        }

        var stems = citations.SelectMany(c => WordPattern().Matches(c.ChunkText.ToLowerInvariant())).Select(m => Stem(m.Value)).ToHashSet(StringComparer.Ordinal);
        return terms.Count(t => stems.Contains(Stem(t))) / (double)terms.Count;
    }

    private static string Stem(string word) => word.Length > 5 ? word[..5] : word;

    private async Task<(string? Text, string Source)> WriteAsync(string tenantId, string question, IReadOnlyList<GroundingPassage> passages, CancellationToken cancellationToken)
    {
        try
        {
            var prompt = prompts.Render(LlmPurposes.GeoDrafting, tenantId, null, new Dictionary<string, string>
            {
                ["question"] = question,
                ["passages"] = string.Join("\n\n", passages.Select(p => $"[{p.Number}] {p.Title}\n{p.Text}")),
            });
            var completion = await router.CompleteAsync(LlmPurposes.GeoDrafting, tenantId, [new ChatMessage(ChatRole.User, prompt)], cancellationToken);
            return Marker().IsMatch(completion.Text) ? (completion.Text.Trim(), $"{completion.Provider}/{completion.Model}") : (null, "llm");
        }
        catch (LlmUnavailableException e)
        {
            logger.LogDebug("GEO draft of {TenantId} offline: {Reason}", tenantId, e.Reason);
        }

        var composed = await answers.ComposeOfflineAsync(question, passages, cancellationToken);
        return composed.Declined || composed.Citations.Count == 0 ? (null, "offline") : (composed.Text, "offline");
    }

    /// <summary>Numbers the cited passages 1..n in the order the answer first cites them, each with the sentence quoted from it.</summary>
    private static DraftedAnswer Renumber(string text, IReadOnlyList<GroundingPassage> passages, string source)
    {
        var byNumber = passages.ToDictionary(p => p.Number!.Value);
        var order = new List<int>();
        foreach (Match marker in Marker().Matches(text))
        {
            foreach (var part in marker.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries))
            {
                if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && byNumber.ContainsKey(n) && !order.Contains(n))
                {
                    order.Add(n);
                }
            }
        }

        if (order.Count == 0)
        {
            return DraftedAnswer.Gap;
        }

        var renumbered = Marker().Replace(text, m => "[" + string.Join(", ", m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries)
            .Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? order.IndexOf(n) + 1 : 0)
            .Where(n => n > 0)
            .Distinct()
            .Select(n => n.ToString(CultureInfo.InvariantCulture))) + "]");
        renumbered = Regex.Replace(renumbered, @"\s*\[\]", string.Empty, RegexOptions.None, TimeSpan.FromMilliseconds(100));
        var sentences = AnswerSentences.Split(renumbered);
        var citations = order.Select((n, index) =>
        {
            var passage = byNumber[n];
            var citing = sentences.FirstOrDefault(s => Marker().Matches(s).Any(m => m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries).Contains((index + 1).ToString(CultureInfo.InvariantCulture))));
            return new StoredGeoCitation
            {
                Title = passage.Title,
                Url = passage.Url ?? string.Empty,
                Quote = citing is null ? null : QuoteFrom(passage.Text, Marker().Replace(citing, string.Empty)),
                DocumentId = passage.DocumentId,
                ChunkId = passage.ChunkId,
                ChunkText = passage.Text,
            };
        }).ToList();
        var topic = citations[0].Title.Split(" › ")[0];
        return new DraftedAnswer(renumbered, citations, false, topic, source);
    }

    /// <summary>The chunk's own sentence closest in words to the answer's sentence: the source quoted in its words.</summary>
    private static string? QuoteFrom(string chunk, string sentence)
    {
        var words = Words(sentence);
        if (words.Count == 0)
        {
            return null;
        }

        var best = AnswerSentences.Split(chunk)
            .Select(s => (Sentence: s.Trim(), Overlap: Words(s).Count(words.Contains) / (double)words.Count))
            .MaxBy(s => s.Overlap);
        return best.Overlap >= 0.5 ? best.Sentence : null;
    }

    private static HashSet<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length > 2).ToHashSet(StringComparer.Ordinal);

    private static string TitleOf(RetrievedPassage passage) =>
        passage.HeadingPath.Count > 0 && !string.Equals(passage.HeadingPath[^1], passage.Title, StringComparison.OrdinalIgnoreCase)
            ? $"{passage.Title} › {passage.HeadingPath[^1]}"
            : passage.Title;

    /// <summary>Question words that say nothing about the need (English, French, German).</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "you", "your", "are", "can", "does", "did", "how", "what", "which", "who", "why", "when", "where", "with", "into", "from",
        "that", "this", "there", "have", "has", "any", "use", "using", "way", "tell", "about", "get", "than", "other", "make", "goes", "kind", "kinds",
        "les", "des", "est", "que", "qui", "pour", "une", "avec", "comment", "quel", "quelle", "der", "die", "das", "und", "wie", "was", "ist", "mit", "ein", "eine",
    };

    [GeneratedRegex(@"\[(\d+(?:\s*,\s*\d+)*)\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}'-]*|\p{N}+")]
    private static partial Regex WordPattern();
}
