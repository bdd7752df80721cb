using System.Collections.Concurrent;
using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using Rose.Llm.Composer;
using Rose.Llm.Embeddings;
using Rose.Tagging.Labels;

namespace Rose.Tagging.Classification;

/// <summary>
/// The classifier that needs no LLM: explicit cues (<see cref="TagRules"/>) plus the embedding
/// similarity of the visitor's words to each intent's description, which catches what no cue names
/// ("can your tool read our Confluence?" is an integration question). Deterministic: the same
/// conversation always gets the same tags.
/// </summary>
public sealed partial class OfflineConversationClassifier(ITextEmbedder embedder) : IConversationClassifier
{
    public const string Name = "offline";

    /// <summary>Below this combined score no intent is named: the conversation is <c>other</c>.</summary>
    internal const double MinIntentScore = 0.75;

    /// <summary>Similarities under this floor say nothing (unrelated texts still score 0.1–0.25 on MiniLM).</summary>
    internal const double SimilarityFloor = 0.3;

    /// <summary>How many rule points one unit of similarity above the floor is worth.</summary>
    internal const double SimilarityWeight = 4;

    // Embedding a description is the slow part: once per description, whichever tenant's set it is in.
    private readonly ConcurrentDictionary<string, float[]> descriptions = new(StringComparer.Ordinal);

    public async Task<ConversationTags> ClassifyAsync(string tenantId, ConversationTranscript transcript, LabelSet labels, CancellationToken cancellationToken)
    {
        var text = transcript.NormalizedVisitorText;
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var label in labels.InGroup(LabelGroup.Intent).Where(l => l.Name != LabelSet.Other))
        {
            scores[label.Name] = TagRules.Intent.TryGetValue(label.Name, out var rules) ? Score(text, rules) : 0;
        }

        if (text.Any(char.IsLetter))
        {
            var similarities = await SimilaritiesAsync(transcript.VisitorText, labels, cancellationToken);
            foreach (var (label, similarity) in similarities)
            {
                scores[label] = scores.GetValueOrDefault(label) + SimilarityWeight * Math.Max(0, similarity - SimilarityFloor);
            }
        }

        var tags = new List<AssignedTag>();
        var ranked = scores.Where(s => s.Value >= MinIntentScore).OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
        if (ranked.Count == 0)
        {
            tags.Add(new AssignedTag(LabelSet.Other, LabelGroup.Intent, 0.5));
        }
        else
        {
            var top = ranked[0].Value;
            foreach (var (label, score) in ranked.Where((s, i) => i == 0 || s.Value >= Math.Max(1.5, top / 2)))
            {
                tags.Add(new AssignedTag(label, LabelGroup.Intent, Confidence(score)));
            }
        }

        var intents = tags.Select(t => t.Label).ToHashSet(StringComparer.Ordinal);
        tags.Add(Stage(text, intents));
        tags.Add(Sentiment(text));
        tags.Add(new AssignedTag(LanguageGuesser.Guess(transcript.VisitorText), LabelGroup.Language, WordCount(text) >= 4 ? 0.8 : 0.5));
        tags.AddRange(Topics(transcript));
        var spam = SpamScore(transcript);
        if (spam >= 2)
        {
            tags.Add(new AssignedTag(LabelSet.Spam, LabelGroup.Spam, Confidence(spam)));
        }

        return new ConversationTags(tags.Where(t => labels.Contains(t.Group, t.Label) || t.Group is LabelGroup.Language or LabelGroup.Topic).ToList(), Name);
    }

    /// <summary>The quantity of seats, users or licences the visitor named, the largest if several.</summary>
    public static int? QuantityMentioned(string normalizedText)
    {
        int? largest = null;
        foreach (Match match in Quantity().Matches(normalizedText))
        {
            var digits = new string(match.Groups[1].Value.Where(char.IsAsciiDigit).ToArray());
            if (int.TryParse(digits, out var value) && value > 0 && (largest is null || value > largest))
            {
                largest = value;
            }
        }

        return largest;
    }

    internal static double Score(string text, IReadOnlyList<TagRule> rules)
    {
        var score = 0.0;
        foreach (var rule in rules)
        {
            // A cue repeated counts a little more than once, never as much as two different cues.
            var matches = rule.Pattern.Count(text);
            if (matches > 0)
            {
                score += rule.Weight * (1 + 0.25 * Math.Min(matches - 1, 2));
            }
        }

        return score;
    }

    private static double Confidence(double score) => Math.Round(Math.Min(0.99, score / (score + 1.5)), 2);

    private static AssignedTag Stage(string text, HashSet<string> intents)
    {
        var buying = intents.Overlaps([LabelSet.Pricing, LabelSet.Integration, LabelSet.SecurityCompliance, LabelSet.ProductQuestion, LabelSet.DemoRequest]);
        var decision = Score(text, TagRules.Decision);
        if (intents.Contains(LabelSet.DemoRequest)
            || (buying && decision >= 1)
            || (intents.Contains(LabelSet.Pricing) && QuantityMentioned(text) is not null))
        {
            return new AssignedTag(LabelSet.Decision, LabelGroup.Stage, intents.Contains(LabelSet.DemoRequest) ? 0.85 : 0.7);
        }

        if (intents.Overlaps([LabelSet.Pricing, LabelSet.Integration, LabelSet.SecurityCompliance, LabelSet.Partnership])
            || (buying && Score(text, TagRules.Consideration) >= 1))
        {
            return new AssignedTag(LabelSet.Consideration, LabelGroup.Stage, 0.7);
        }

        return new AssignedTag(LabelSet.Awareness, LabelGroup.Stage, 0.6);
    }

    private static AssignedTag Sentiment(string text)
    {
        var balance = Score(text, TagRules.Positive) - Score(text, TagRules.Negative);
        return balance switch
        {
            >= 1 => new AssignedTag(LabelSet.Positive, LabelGroup.Sentiment, Confidence(balance)),
            <= -1 => new AssignedTag(LabelSet.Negative, LabelGroup.Sentiment, Confidence(-balance)),
            _ => new AssignedTag(LabelSet.Neutral, LabelGroup.Sentiment, 0.6),
        };
    }

    /// <summary>Topics are the documents the answers cited, the most cited first.</summary>
    private static IEnumerable<AssignedTag> Topics(ConversationTranscript transcript)
    {
        var cited = transcript.Messages.SelectMany(m => m.CitedTitles).Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        return cited
            .GroupBy(t => t.Trim(), StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(5)
            .Select(g => new AssignedTag(g.Key.Length > 100 ? g.Key[..100] : g.Key, LabelGroup.Topic, Math.Round((double)g.Count() / cited.Count, 2)));
    }

    private static double SpamScore(ConversationTranscript transcript)
    {
        var text = transcript.NormalizedVisitorText;
        var score = Score(text, TagRules.Spam);
        var visitor = transcript.Messages.Where(m => m.IsVisitor).Select(m => m.Text.Trim()).ToList();
        // Bots repeat themselves word for word, or write no words at all.
        if (visitor.Count >= 3 && visitor.Distinct(StringComparer.OrdinalIgnoreCase).Count() == 1)
        {
            score += 2;
        }

        var letters = text.Count(char.IsLetter);
        if (text.Length >= 20 && letters < text.Length / 3)
        {
            score += 2;
        }

        return score;
    }

    private static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private async Task<IReadOnlyList<(string Label, double Similarity)>> SimilaritiesAsync(string visitorText, LabelSet labels, CancellationToken cancellationToken)
    {
        var intents = labels.InGroup(LabelGroup.Intent).Where(l => l.Name != LabelSet.Other).ToList();
        var missing = intents.Where(l => !descriptions.ContainsKey(l.Description)).ToList();
        var texts = new List<string> { visitorText.Length > 2000 ? visitorText[..2000] : visitorText };
        texts.AddRange(missing.Select(l => l.Description));
        var vectors = await embedder.EmbedAsync(texts, cancellationToken);
        for (var i = 0; i < missing.Count; i++)
        {
            descriptions[missing[i].Description] = vectors[i + 1];
        }

        var visitor = vectors[0];
        return intents
            .Select(l => (l.Name, (double)TensorPrimitives.Dot<float>(visitor, descriptions[l.Description])))
            .ToList();
    }

    [GeneratedRegex(TagRules.QuantityPattern, RegexOptions.CultureInvariant)]
    private static partial Regex Quantity();
}
