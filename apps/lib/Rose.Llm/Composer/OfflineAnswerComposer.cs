using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Rose.Llm.Configuration;
using Rose.Llm.Embeddings;

namespace Rose.Llm.Composer;

/// <summary>
/// Answers without any LLM: picks the sentences of the retrieved passages that best answer the
/// question, drops near-duplicates, keeps the passages' own order, and cites each passage as
/// <c>[n]</c>. A sentence's score mixes how relevant its passage is (MiniLM similarity between the
/// question and the chunk vectors retrieval already has) with how many of the question's terms it
/// contains. Sentences are deliberately not embedded one by one: measured on 2 cores, embedding the
/// ~40 sentences of five passages took ~450 ms per turn against ~10 ms for the question alone, and the
/// visitor waits for it before the first token. MiniLM was trained on English, so for other languages
/// its similarities are compressed and the term evidence weighs as much as the embedding.
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
    private static readonly string[] Endings = ["ing", "ed", "es", "s", "e"];

    private OfflineComposerOptions Settings => options.Value.Composer;

    /// <summary>Composes an answer, embedding the question and any passage that comes without its vector.</summary>
    public Task<ComposedAnswer> ComposeAsync(string question, IReadOnlyList<GroundingPassage> passages, CancellationToken cancellationToken) =>
        ComposeAsync(question, ReadOnlyMemory<float>.Empty, passages, cancellationToken);

    /// <summary>Composes an answer with the question's vector already at hand (the chat embeds it once per turn).</summary>
    public async Task<ComposedAnswer> ComposeAsync(
        string question, ReadOnlyMemory<float> questionVector, IReadOnlyList<GroundingPassage> passages, CancellationToken cancellationToken)
    {
        var questionLanguage = LanguageGuesser.Guess(question);
        var candidates = Candidates(passages);
        if (candidates.Count == 0 || string.IsNullOrWhiteSpace(question))
        {
            return Decline(questionLanguage, 0);
        }

        var relevance = await PassageRelevanceAsync(question, questionVector, passages, cancellationToken);
        var questionTerms = Terms(question);
        var denseWeight = questionLanguage == "en" ? EnglishDenseWeight : OtherLanguagesDenseWeight;
        foreach (var candidate in candidates)
        {
            candidate.Score = (denseWeight * relevance[candidate.Passage]) + ((1 - denseWeight) * Overlap(questionTerms, candidate.Terms));
        }

        // Passages arrive best first from hybrid retrieval (BM25 + vectors + graph, fused), which
        // knows more about the question than one sentence's words: the rank breaks near ties in
        // favour of the better passage. Confidence stays the sentences' own relevance.
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

    /// <summary>Cosine similarity of the question with each passage, embedding only what came without a vector.</summary>
    private async Task<double[]> PassageRelevanceAsync(
        string question, ReadOnlyMemory<float> questionVector, IReadOnlyList<GroundingPassage> passages, CancellationToken cancellationToken)
    {
        var count = Math.Min(passages.Count, Settings.MaxPassages);
        var missing = Enumerable.Range(0, count).Where(p => passages[p].Vector.Length != embedder.Dimensions).ToList();
        var texts = new List<string>(missing.Count + 1);
        if (questionVector.Length != embedder.Dimensions)
        {
            texts.Add(question);
        }

        texts.AddRange(missing.Select(p => passages[p].Text));
        var embedded = texts.Count > 0 ? await embedder.EmbedAsync(texts, cancellationToken) : [];
        var query = questionVector.Length == embedder.Dimensions ? questionVector : embedded[0];
        var offset = texts.Count - missing.Count;
        var relevance = new double[count];
        for (var p = 0; p < count; p++)
        {
            var index = missing.IndexOf(p);
            var vector = index >= 0 ? embedded[offset + index] : passages[p].Vector;
            relevance[p] = TensorPrimitives.Dot(query.Span, vector.Span);
        }

        return relevance;
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

                candidates.Add(new Candidate(p, s, sentence, Terms(sentence)));
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
                || chosen.Any(c => SharedTerms(c.Terms, candidate.Terms) >= Settings.RedundancyThreshold))
            {
                continue;
            }

            chosen.Add(candidate);
            length += candidate.Text.Length;
        }

        return chosen.OrderBy(c => c.Passage).ThenBy(c => c.Index).ToList();
    }

    /// <summary>
    /// Writes the chosen sentences with their markers. Passages of one page (the same URL) share one
    /// number: a visitor who sees [1] and [2] expects two sources, not two links to the same page.
    /// </summary>
    private static ComposedAnswer Render(List<Candidate> chosen, IReadOnlyList<GroundingPassage> passages, double confidence)
    {
        var numbers = new Dictionary<int, int>();
        var pageNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var citations = new List<Citation>();
        var taken = new HashSet<int>(passages.Where(p => p.Number is not null).Select(p => p.Number!.Value));
        var next = 1;
        foreach (var candidate in chosen)
        {
            if (numbers.ContainsKey(candidate.Passage))
            {
                continue;
            }

            var passage = passages[candidate.Passage];
            if (passage.Number is null && passage.Url is { } url && pageNumbers.TryGetValue(url, out var samePage))
            {
                numbers[candidate.Passage] = samePage;
                continue;
            }

            int number;
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
            if (passage.Url is not null)
            {
                pageNumbers.TryAdd(passage.Url, number);
            }

            citations.Add(new Citation(number, passage));
        }

        var text = new StringBuilder();
        for (var i = 0; i < chosen.Count; i++)
        {
            var number = numbers[chosen[i].Passage];
            var lastOfRun = i == chosen.Count - 1 || numbers[chosen[i + 1].Passage] != number;
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(lastOfRun ? Cite(chosen[i].Text, number) : chosen[i].Text);
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

    /// <summary>The share of the question's terms the sentence contains.</summary>
    private static double Overlap(HashSet<string> questionTerms, HashSet<string> sentenceTerms) =>
        questionTerms.Count == 0 ? 0 : questionTerms.Count(sentenceTerms.Contains) / (double)questionTerms.Count;

    /// <summary>Jaccard similarity of two sentences' terms: two sentences that share nearly all say the same thing.</summary>
    private static double SharedTerms(HashSet<string> a, HashSet<string> b)
    {
        var union = a.Count + b.Count - a.Count(b.Contains);
        return union == 0 ? 1 : (a.Count + b.Count - union) / (double)union;
    }

    /// <summary>
    /// Accents off, one common ending off, then a five-letter prefix: crude and language-neutral, but
    /// enough for "price"/"prices"/"pricing", "cost"/"costs", "hosted"/"hosting", "intègre"/"intégration".
    /// </summary>
    private static string Stem(string word)
    {
        var plain = WithoutAccents(word);
        foreach (var ending in Endings)
        {
            if (plain.Length - ending.Length >= 3 && plain.EndsWith(ending, StringComparison.Ordinal))
            {
                plain = plain[..^ending.Length];
                break;
            }
        }

        return plain.Length <= 5 ? plain : plain[..5];
    }

    private static string WithoutAccents(string word)
    {
        if (word.All(char.IsAscii))
        {
            return word;
        }

        var decomposed = word.Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            plain.Append(c);
        }

        return plain.ToString();
    }

    [GeneratedRegex(@"\p{L}[\p{L}\p{N}]*|\p{N}+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\S+\s*")]
    private static partial Regex WordWithSpace();

    [GeneratedRegex(@"^(It|This|That|These|They|Its|Il|Elle|Ils|Elles|Cela|Ce|Ceci|Es|Sie|Dies|Er|Esto|Esta|Este|Ello|Questo|Questa|Dit|Deze|Het|Isto|Esta)\b")]
    private static partial Regex LeansOnPrevious();

    private sealed class Candidate(int passage, int index, string text, HashSet<string> terms)
    {
        public int Passage { get; } = passage;

        public int Index { get; } = index;

        public string Text { get; } = text;

        public HashSet<string> Terms { get; } = terms;

        public double Score { get; set; }
    }
}
