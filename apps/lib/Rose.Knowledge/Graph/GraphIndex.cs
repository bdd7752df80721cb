using Rose.Knowledge.Retrieval;

namespace Rose.Knowledge.Graph;

/// <summary>
/// One tenant's knowledge graph in memory, LightRAG style: entities point to the chunks that
/// mention them (local retrieval: the query names an entity), relations carry keywords and point
/// to the chunk that states them (global retrieval: the query is about how things relate).
/// </summary>
public sealed class GraphIndex
{
    private readonly Dictionary<string, int[]> chunksByEntity;
    private readonly List<(int Ordinal, string Source, string Target, string[] Keywords)> relations;
    private readonly int chunkCount;

    public GraphIndex(int chunkCount, IEnumerable<(int Ordinal, string Entity)> mentions, IEnumerable<(int Ordinal, string Source, string Target, string Keywords)> relations)
    {
        this.chunkCount = chunkCount;
        chunksByEntity = mentions
            .GroupBy(m => m.Entity, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Ordinal).Distinct().ToArray(), StringComparer.Ordinal);
        this.relations = relations
            .Select(r => (r.Ordinal, r.Source, r.Target, EntityText.Words(r.Keywords).ToArray()))
            .ToList();
        LongestEntityWords = chunksByEntity.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
    }

    public static GraphIndex Empty { get; } = new(0, [], []);

    public int EntityCount => chunksByEntity.Count;

    public int RelationCount => relations.Count;

    private int LongestEntityWords { get; }

    /// <summary>Entities named in the query, found by matching its word n-grams against the graph's entity keys.</summary>
    public IReadOnlyList<string> EntitiesIn(string query)
    {
        // Entities named in most chunks (the product's own name) say nothing about which chunk answers.
        var common = Math.Max(3, chunkCount / 50);
        var words = EntityText.Words(query).ToArray();
        var found = new List<string>();
        for (var n = Math.Min(LongestEntityWords, 4); n >= 1; n--)
        {
            for (var i = 0; i + n <= words.Length; i++)
            {
                var key = string.Join(' ', words, i, n);
                if (chunksByEntity.TryGetValue(key, out var chunks) && chunks.Length <= common && !found.Contains(key))
                {
                    found.Add(key);
                }
            }
        }

        return found;
    }

    /// <summary>Local retrieval: chunks that mention the query's entities, rarer entities weighing more.</summary>
    public ScoredOrdinal[] Local(IReadOnlyList<string> entities, int k)
    {
        var scores = new Dictionary<int, float>();
        foreach (var entity in entities)
        {
            var chunks = chunksByEntity[entity];
            var idf = MathF.Log(1f + (chunkCount / (float)chunks.Length));
            foreach (var ordinal in chunks)
            {
                scores[ordinal] = scores.GetValueOrDefault(ordinal) + idf;
            }
        }

        return ScoredOrdinalList.Top(scores, k);
    }

    /// <summary>Global retrieval: chunks stating relations whose ends or keywords the query talks about.</summary>
    public ScoredOrdinal[] Global(IReadOnlyList<string> entities, string query, int k)
    {
        var queryWords = EntityText.Words(query).Where(w => !EntityText.IsStopWord(w)).ToHashSet(StringComparer.Ordinal);
        var scores = new Dictionary<int, float>();
        foreach (var (ordinal, source, target, keywords) in relations)
        {
            var score = 0f;
            // A relation answers a question about how two named things relate: both ends must be named.
            if (!entities.Contains(source) || !entities.Contains(target))
            {
                continue;
            }

            score += 2f;

            score += keywords.Count(queryWords.Contains) * 0.5f;
            scores[ordinal] = Math.Max(scores.GetValueOrDefault(ordinal), score);
        }

        return ScoredOrdinalList.Top(scores, k);
    }
}
