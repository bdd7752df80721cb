using MongoDB.Bson;

namespace Rose.Testing.Mongo;

/// <summary>
/// Aggregation stages the fake runs: <c>$vectorSearch</c> and <c>$listSearchIndexes</c> (first stage
/// only, as on Atlas), <c>$match</c>, <c>$project</c> (with <c>{ $meta: "vectorSearchScore" }</c>),
/// <c>$skip</c> and <c>$limit</c>. Also the projection of <c>find</c>.
/// </summary>
internal static class FakeMongoPipeline
{
    public static List<BsonDocument> Run(FakeMongoCollection collection, BsonArray pipeline)
    {
        List<(BsonDocument Document, double? Score)> items;
        var stages = pipeline.Select(s => s.AsBsonDocument).ToList();
        var first = stages.Count > 0 ? stages[0].GetElement(0) : default;
        if (first.Name == "$vectorSearch")
        {
            items = FakeVectorSearch.Run(collection, first.Value.AsBsonDocument);
            stages.RemoveAt(0);
        }
        else if (first.Name == "$listSearchIndexes")
        {
            var name = first.Value.AsBsonDocument.GetValue("name", BsonNull.Value);
            lock (collection.Gate)
            {
                items = [.. collection.SearchIndexes.Where(i => name.IsBsonNull || i["name"] == name).Select(i => (i.DeepClone().AsBsonDocument, (double?)null))];
            }

            stages.RemoveAt(0);
        }
        else
        {
            lock (collection.Gate)
            {
                items = [.. collection.Documents.Select(d => (d.DeepClone().AsBsonDocument, (double?)null))];
            }
        }

        foreach (var stage in stages)
        {
            var element = stage.GetElement(0);
            items = element.Name switch
            {
                "$match" => [.. items.Where(i => MongoQueryFilter.Matches(i.Document, element.Value.AsBsonDocument))],
                "$project" => [.. items.Select(i => (Project(i.Document, i.Score, element.Value.AsBsonDocument), i.Score))],
                "$skip" => [.. items.Skip(element.Value.ToInt32())],
                "$limit" => [.. items.Take(element.Value.ToInt32())],
                "$vectorSearch" or "$listSearchIndexes" => throw MongoCommandFailure.BadValue($"{element.Name} is only valid as the first stage in a pipeline."),
                _ => throw new MongoCommandFailure(40324, "Location40324", $"Unrecognized pipeline stage name: '{element.Name}'"),
            };
        }

        return [.. items.Select(i => i.Document)];
    }

    public static BsonDocument Project(BsonDocument document, double? score, BsonDocument specification)
    {
        var inclusion = specification.Any(e => e.Name != "_id" && !IsExclusion(e.Value));
        if (!inclusion)
        {
            var kept = document.DeepClone().AsBsonDocument;
            foreach (var excluded in specification)
            {
                kept.Remove(excluded.Name);
            }

            return kept;
        }

        var projected = new BsonDocument();
        if (!(specification.TryGetValue("_id", out var id) && IsExclusion(id)) && document.TryGetValue("_id", out var documentId))
        {
            projected["_id"] = documentId;
        }

        foreach (var field in specification.Where(e => e.Name != "_id" || !IsExclusion(e.Value)))
        {
            if (field.Value is BsonDocument { ElementCount: 1 } expression && expression.GetElement(0).Name == "$meta")
            {
                projected[field.Name] = expression[0].AsString == "vectorSearchScore" && score is { } value
                    ? value
                    : throw MongoCommandFailure.BadValue($"$meta '{expression[0]}' is not available in this pipeline.");
            }
            else if (field.Value is BsonString { Value: ['$', ..] reference })
            {
                if (MongoQueryFilter.FieldValue(document, reference[1..]) is { } referenced)
                {
                    projected[field.Name] = referenced;
                }
            }
            else if (field.Value.IsBoolean || field.Value.IsNumeric)
            {
                if (MongoQueryFilter.FieldValue(document, field.Name) is { } included)
                {
                    projected[field.Name] = included;
                }
            }
            else
            {
                throw MongoCommandFailure.Unsupported($"projection of '{field.Name}' with {field.Value}");
            }
        }

        return projected;
    }

    private static bool IsExclusion(BsonValue value) => (value.IsBoolean && !value.AsBoolean) || (value.IsNumeric && value.ToDouble() == 0);
}
