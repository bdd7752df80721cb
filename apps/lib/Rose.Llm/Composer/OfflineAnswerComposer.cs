using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Rose.Llm.Configuration;
using Rose.Llm.Embeddings;

namespace Rose.Llm.Composer;

/// <summary>
/// Answers without any LLM: picks the sentences of the retrieved passages that best answer the
/// question (MiniLM similarity plus a keyword-overlap share: MiniLM alone misses exact terms, and it
/// was trained on English, so for other languages its similarities are compressed and high even for
/// unrelated text and the keyword evidence weighs as much as the embedding),
/// drops near-duplicates, keeps the passages' own order, and cites each passage as <c>[n]</c>.
/// When even the best sentence is not relevant enough it says so plainly and flags the answer, so the
/// chat can offer the contact skill instead of a confident wrong answer.
/// </summary>
public sealed partial class OfflineAnswerComposer(ITextEmbedder embedder, IOptions<LlmOptions> options)
{
    private const double EnglishDenseWeight = 0.8;
    private const double OtherLanguagesDenseWeight = 0.5;
    private const double RetrievalPriorWeight = 0.3;
    private const int MinWords = 3;
    private const int MaxSentenceCharacters = 400;
    private const int MaxSentencesPerPassage = 40;

    /// <summary>
    /// The same chunks come back for many questions, and embedding their sentences is most of the
    /// composer's time on a CPU, so sentence vectors are kept (bounded; cleared when full).
    /// </summary>
    private const int MaxCachedSentences = 20_000;

    private readonly ConcurrentDictionary<string, float[]> sentenceVectors = new(StringComparer.Ordinal);

    private OfflineComposerOptions Settings => options.Value.Composer;

    public async Task<ComposedAnswer> ComposeAsync(string question, IReadOnlyList<GroundingPassage> passages, CancellationToken cancellationToken)
    {
        var questionLanguage = LanguageGuesser.Guess(question);
        var candidates = Candidates(passages);
        if (candidates.Count == 0 || string.IsNullOrWhiteSpace(question))
        {
            return Decline(questionLanguage, 0);
        }

        var vectors = await EmbedAsync(question, candidates.Select(c => c.Text).ToList(), cancellationToken);
        var questionTerms = Terms(question);
        var denseWeight = questionLanguage == "en" ? EnglishDenseWeight : OtherLanguagesDenseWeight;
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            candidate.Vector = vectors[i + 1];
            candidate.Similarity = Dot(vectors[0], candidate.Vector);
            candidate.Score = (denseWeight * candidate.Similarity) + ((1 - denseWeight) * Overlap(questionTerms, candidate.Text));
        }

        // Passages arrive best first from hybrid retrieval (BM25 + vectors + graph, fused), which
        // knows more about the question than one sentence's MiniLM similarity: the rank breaks near
        // ties in favour of the better passage. Confidence stays the sentences' own relevance.
        var ranked = candidates.OrderByDescending(c => c.Score + RetrievalPrior(c.Passage)).ToList();
        var best = ranked[0];
        var confidence = Math.Clamp(candidates.Max(c => c.Score), 0, 1);
        if (confidence < Settings.MinConfidence)
        {
            return Decline(questionLanguage, confidence);
        }

        var chosen = Choose(ranked, candidates, best);
        return Render(chosen, passages, confidence);
    }

    /// <summary>The composed answer as word-sized deltas, for the chat's token stream.</summary>
    public async IAsyncEnumerable<string> StreamAsync(
        string question, IReadOnlyList<GroundingPassage> passages, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var answer = await ComposeAsync(question, passages, cancellationToken);
        foreach (var delta in Deltas(answer.Text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return delta;
        }
    }

    /// <summary>Splits text into deltas of one word and its following space.</summary>
    public static IEnumerable<string> Deltas(string text) => WordWithSpace().Matches(text).Select(m => m.Value);

    /// <summary>The question's vector first, then one per sentence, embedding only sentences not seen before.</summary>
    private async Task<float[][]> EmbedAsync(string question, List<string> sentences, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var sentence in sentences.Distinct(StringComparer.Ordinal))
        {
            if (sentenceVectors.TryGetValue(sentence, out var vector))
            {
                known[sentence] = vector;
            }
            else
            {
                missing.Add(sentence);
            }
        }

        var embedded = await embedder.EmbedAsync([question, .. missing], cancellationToken);
        if (sentenceVectors.Count + missing.Count > MaxCachedSentences)
        {
            sentenceVectors.Clear();
        }

        for (var i = 0; i < missing.Count; i++)
        {
            known[missing[i]] = embedded[i + 1];
            sentenceVectors[missing[i]] = embedded[i + 1];
        }

        return [embedded[0], .. sentences.Select(s => known[s])];
    }

    private List<Candidate> Candidates(IReadOnlyList<GroundingPassage> passages)
    {
        var candidates = new List<Candidate>();
        for (var p = 0; p < Math.Min(passages.Count, Settings.MaxPassages); p++)
        {
            var sentences = SentenceSplitter.Split(passages[p].Text);
            for (var s = 0; s < Math.Min(sentences.Count, MaxSentencesPerPassage); s++)
            {
                var sentence = sentences[s];
                if (SentenceSplitter.WordCount(sentence) < MinWords)
                {
                    continue;
                }

                if (sentence.Length > MaxSentenceCharacters)
                {
                    sentence = sentence[..MaxSentenceCharacters].TrimEnd() + "…";
                }

                candidates.Add(new Candidate(p, s, sentence));
            }
        }

        return candidates;
    }

    private List<Candidate> Choose(List<Candidate> ranked, List<Candidate> all, Candidate best)
    {
        var chosen = new List<Candidate> { best };
        var length = best.Text.Length;

        // A best sentence that opens with "It"/"This"/"Il"… leans on the one before it.
        if (LeansOnPrevious().IsMatch(best.Text)
            && all.FirstOrDefault(c => c.Passage == best.Passage && c.Index == best.Index - 1) is { } previous
            && length + previous.Text.Length <= Settings.MaxCharacters)
        {
            chosen.Add(previous);
            length += previous.Text.Length;
        }

        var floor = Math.Max(Settings.MinConfidence, best.Score * Settings.RelativeFloor);
        foreach (var candidate in ranked.Skip(1))
        {
            if (chosen.Count >= Settings.MaxSentences || candidate.Score < floor)
            {
                break;
            }

            if (chosen.Contains(candidate)
                || length + candidate.Text.Length > Settings.MaxCharacters
                || chosen.Any(c => Dot(c.Vector, candidate.Vector) >= Settings.RedundancyThreshold))
            {
                continue;
            }

            chosen.Add(candidate);
            length += candidate.Text.Length;
        }

        return chosen.OrderBy(c => c.Passage).ThenBy(c => c.Index).ToList();
    }

    private static ComposedAnswer Render(List<Candidate> chosen, IReadOnlyList<GroundingPassage> passages, double confidence)
    {
        var numbers = new Dictionary<int, int>();
        var citations = new List<Citation>();
        var taken = new HashSet<int>(passages.Where(p => p.Number is not null).Select(p => p.Number!.Value));
        var next = 1;
        var text = new StringBuilder();
        for (var i = 0; i < chosen.Count; i++)
        {
            var candidate = chosen[i];
            if (!numbers.TryGetValue(candidate.Passage, out var number))
            {
                var passage = passages[candidate.Passage];
                if (passage.Number is { } given)
                {
                    number = given;
                }
                else
                {
                    while (taken.Contains(next))
                    {
                        next++;
                    }

                    number = next;
                    taken.Add(number);
                }

                numbers[candidate.Passage] = number;
                citations.Add(new Citation(number, passage));
            }

            var lastOfPassageRun = i == chosen.Count - 1 || chosen[i + 1].Passage != candidate.Passage;
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(lastOfPassageRun ? Cite(candidate.Text, number) : candidate.Text);
        }

        var answer = text.ToString();
        return new ComposedAnswer(answer, citations, Declined: false, confidence, LanguageGuesser.Guess(answer));
    }

    /// <summary>Puts the marker before the final punctuation: "… per month [1]."</summary>
    private static string Cite(string sentence, int number)
    {
        var end = sentence.Length;
        while (end > 0 && sentence[end - 1] is '.' or '!' or '?' or '…')
        {
            end--;
        }

        return $"{sentence[..end].TrimEnd()} [{number}]{sentence[end..]}";
    }

    private static double RetrievalPrior(int passageRank) => RetrievalPriorWeight / (passageRank + 1);

    private static ComposedAnswer Decline(string language, double confidence) =>
        new(DeclineMessages.For(language), [], Declined: true, confidence, language);

    private static HashSet<string> Terms(string text) =>
        Words().Matches(text.ToLowerInvariant())
            .Select(m => m.Value)
            .Where(w => w.Length >= 3 && !LanguageGuesser.IsStopWord(w))
            .Select(Stem)
            .ToHashSet(StringComparer.Ordinal);

    private static double Overlap(HashSet<string> questionTerms, string sentence)
    {
        if (questionTerms.Count == 0)
        {
            return 0;
        }

        var sentenceTerms = Terms(sentence);
        return questionTerms.Count(sentenceTerms.Contains) / (double)questionTerms.Count;
    }

    /// <summary>A five-letter prefix: crude, language-neutral, enough to match "price"/"pricing", "intègre"/"intégration" is left to MiniLM.</summary>
    private static string Stem(string word) => word.Length <= 5 ? word : word[..5];

    private static double Dot(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}]*|\p{N}+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\S+\s*")]
    private static partial Regex WordWithSpace();

    [GeneratedRegex(@"^(It|This|That|These|They|Its|Il|Elle|Ils|Elles|Cela|Ce|Ceci|Es|Sie|Dies|Er|Esto|Esta|Este|Ello|Questo|Questa|Dit|Deze|Het|Isto|Esta)\b")]
    private static partial Regex LeansOnPrevious();

    private sealed class Candidate(int passage, int index, string text)
    {
        public int Passage { get; } = passage;

        public int Index { get; } = index;

        public string Text { get; } = text;

        public float[] Vector { get; set; } = [];

        public double Similarity { get; set; }

        public double Score { get; set; }
    }
}
