using MongoDB.Bson;

namespace Rose.Testing.Mongo;

/// <summary>
/// Atlas' <c>$vectorSearch</c> stage, exactly rather than approximately, with Atlas' rules: the
/// named index must exist (else no results, as on Atlas), <c>path</c> must be its vector field,
/// every filtered field must be declared a filter field, <c>numCandidates</c> ≥ <c>limit</c>, the
/// query has the index's dimensions. Scores are Atlas' <c>vectorSearchScore</c>: (1 + cosine) / 2,
/// (1 + dot) / 2 or 1 / (1 + squared euclidean distance).
/// </summary>
internal static class FakeVectorSearch
{
    private const int MaxCandidates = 10_000;

    public static List<(BsonDocument Document, double? Score)> Run(FakeMongoCollection collection, BsonDocument stage)
    {
        var indexName = Required(stage, "index").AsString;
        var path = Required(stage, "path").AsString;
        var query = Required(stage, "queryVector").AsBsonArray.Select(v => v.ToDouble()).ToArray();
        var limit = Required(stage, "limit").ToInt32();
        var exact = stage.GetValue("exact", false).ToBoolean();
        if (!exact)
        {
            var candidates = Required(stage, "numCandidates").ToInt32();
            if (candidates < limit || candidates > MaxCandidates)
            {
                throw MongoCommandFailure.BadValue($"numCandidates must be at least limit ({limit}) and at most {MaxCandidates}; it is {candidates}.");
            }
        }

        var filter = stage.GetValue("filter", new BsonDocument()).AsBsonDocument;
        BsonDocument? index;
        List<BsonDocument> documents;
        lock (collection.Gate)
        {
            index = collection.SearchIndexes.FirstOrDefault(i => i["name"] == indexName && i["type"] == "vectorSearch");
            documents = [.. collection.Documents.Select(d => d.DeepClone().AsBsonDocument)];
        }

        if (index is null)
        {
            return [];
        }

        var fields = index["latestDefinition"]["fields"].AsBsonArray.Select(f => f.AsBsonDocument).ToList();
        var vectorField = fields.FirstOrDefault(f => f["type"] == "vector" && f["path"] == path)
            ?? throw MongoCommandFailure.BadValue($"Path '{path}' needs to be indexed as vector.");
        foreach (var filtered in MongoQueryFilter.FieldPaths(filter))
        {
            if (!fields.Any(f => f["type"] == "filter" && f["path"] == filtered))
            {
                throw MongoCommandFailure.BadValue($"Path '{filtered}' needs to be indexed as filter.");
            }
        }

        var dimensions = vectorField["numDimensions"].ToInt32();
        if (query.Length != dimensions)
        {
            throw MongoCommandFailure.BadValue($"The vector field is indexed with {dimensions} dimensions but queried with {query.Length}.");
        }

        var similarity = vectorField["similarity"].AsString;
        var scored = new List<(BsonDocument Document, double? Score)>();
        foreach (var document in documents)
        {
            // Atlas indexes only documents whose field is a vector of the index's dimensions.
            if (MongoQueryFilter.FieldValue(document, path) is BsonArray stored && stored.Count == dimensions && stored.All(v => v.IsNumeric)
                && MongoQueryFilter.Matches(document, filter))
            {
                scored.Add((document, Score(similarity, query, [.. stored.Select(v => v.ToDouble())])));
            }
        }

        return [.. scored.OrderByDescending(s => s.Score).Take(limit)];
    }

    private static double Score(string similarity, double[] a, double[] b)
    {
        double dot = 0, normA = 0, normB = 0, distance = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
            distance += (a[i] - b[i]) * (a[i] - b[i]);
        }

        return similarity switch
        {
            "cosine" => (1 + (normA == 0 || normB == 0 ? 0 : dot / Math.Sqrt(normA * normB))) / 2,
            "dotProduct" => (1 + dot) / 2,
            "euclidean" => 1 / (1 + distance),
            _ => throw MongoCommandFailure.BadValue($"Unknown similarity '{similarity}'."),
        };
    }

    private static BsonValue Required(BsonDocument stage, string name) =>
        stage.TryGetValue(name, out var value) ? value : throw MongoCommandFailure.BadValue($"$vectorSearch needs '{name}'.");
}
