using System.Text.RegularExpressions;
using Rose.Knowledge.Chunking;

namespace Rose.Knowledge.Graph;

/// <summary>
/// Extracts a graph without a model: entities are capitalised phrases ("Google Analytics",
/// "Kubernetes"), identifiers (<c>Rose:Storage:Provider</c>, <c>dapr.yaml</c>, <c>AddRoseKnowledge</c>)
/// and the headings above the chunk; relations link entities that follow each other in a
/// sentence, with the words between them as keywords. Cheap and deterministic: it suits product
/// documentation, where the things people ask about are named.
/// </summary>
public sealed partial class OfflineGraphExtractor : IGraphExtractor
{
    private const int MaxEntitiesPerChunk = 24;
    private const int MaxKeywords = 6;

    public Task<IReadOnlyList<GraphExtraction>> ExtractAsync(string tenantId, string title, IReadOnlyList<ChunkDraft> chunks, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GraphExtraction>>([.. chunks.Select(c => Extract(title, c.HeadingPath, c.Text))]);

    public GraphExtraction Extract(string title, IReadOnlyList<string> headingPath, string text)
    {
        var entities = new Dictionary<string, string>(StringComparer.Ordinal);
        var relations = new List<(string, string, string)>();
        foreach (var sentence in SentenceEnd().Split(text))
        {
            var found = new List<(string Key, int Start, int End)>();
            foreach (Match match in Candidate().Matches(sentence))
            {
                var label = match.Value.Trim().TrimEnd('.', ':', ',');
                var key = EntityText.Key(label);
                if (!IsEntity(label, key))
                {
                    continue;
                }

                if (entities.Count < MaxEntitiesPerChunk || entities.ContainsKey(key))
                {
                    entities.TryAdd(key, label);
                    found.Add((key, match.Index, match.Index + match.Length));
                }
            }

            for (var i = 0; i + 1 < found.Count; i++)
            {
                if (found[i].Key == found[i + 1].Key)
                {
                    continue;
                }

                var between = sentence[found[i].End..found[i + 1].Start];
                var keywords = EntityText.Words(between).Where(w => !EntityText.IsStopWord(w) && w.Length > 2).Take(MaxKeywords);
                relations.Add((found[i].Key, found[i + 1].Key, string.Join(' ', keywords)));
            }
        }

        return new GraphExtraction([.. entities.Select(e => (e.Key, e.Value))], relations);
    }

    private static bool IsEntity(string label, string key)
    {
        if (!EntityText.IsEntityKey(key))
        {
            return false;
        }

        // A lone capitalised word is usually just the start of a sentence, unless it looks like a name.
        var words = key.Split(' ');
        return words.Length > 1 || Identifier().IsMatch(label) || (label.Length > 3 && !CommonStarts.Contains(key));
    }

    private static readonly HashSet<string> CommonStarts = new(StringComparer.Ordinal)
    {
        "this", "that", "these", "those", "then", "there", "here", "when", "where", "what", "which", "while", "with", "without",
        "once", "after", "before", "also", "each", "every", "some", "many", "most", "more", "note", "click", "choose", "select",
        "open", "enter", "make", "find", "keep", "only", "just", "both", "either", "other", "they", "their", "them", "your",
        "yours", "from", "into", "about", "please", "because", "since", "until", "however", "otherwise", "instead", "example",
        "use", "using", "read", "send", "set", "run", "add", "see", "go", "it's", "you'll", "we'll", "don't", "can't", "yes",
    };

    [GeneratedRegex(@"(?<=[.!?])\s+|\n")]
    private static partial Regex SentenceEnd();

    // Capitalised phrases of up to four words, or identifiers with dots, colons or inner capitals.
    [GeneratedRegex(@"\b(?:[A-Z][\p{L}\p{N}\-]*(?:\s+[A-Z][\p{L}\p{N}\-]*){0,3}|[\p{L}_][\p{L}\p{N}_\-]*(?:[.:][\p{L}\p{N}_\-]+)+|[a-z]+[A-Z][\p{L}\p{N}]*)")]
    private static partial Regex Candidate();

    [GeneratedRegex(@"[.:_]|[a-z][A-Z]|^[A-Z0-9]{2,}$")]
    private static partial Regex Identifier();
}
