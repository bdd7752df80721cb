using MongoDB.Bson;

namespace Rose.Testing.Mongo;

/// <summary>
/// The part of the MongoDB query language the fake evaluates: field equality (an array field
/// matches when one element does), <c>$eq $ne $in $nin $gt $gte $lt $lte $exists $not</c>,
/// and <c>$and $or $nor</c>. Anything else fails the command rather than matching by accident.
/// </summary>
internal static class MongoQueryFilter
{
    public static bool Matches(BsonDocument document, BsonDocument filter)
    {
        foreach (var element in filter)
        {
            var holds = element.Name switch
            {
                "$and" => element.Value.AsBsonArray.All(f => Matches(document, f.AsBsonDocument)),
                "$or" => element.Value.AsBsonArray.Any(f => Matches(document, f.AsBsonDocument)),
                "$nor" => !element.Value.AsBsonArray.Any(f => Matches(document, f.AsBsonDocument)),
                _ when element.Name.StartsWith('$') => throw MongoCommandFailure.Unsupported($"query operator {element.Name}"),
                _ => FieldMatches(FieldValue(document, element.Name), element.Value),
            };
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The field paths a filter tests (the fields an Atlas search index must declare as filters).</summary>
    public static IEnumerable<string> FieldPaths(BsonDocument filter)
    {
        foreach (var element in filter)
        {
            if (element.Name is "$and" or "$or" or "$nor")
            {
                foreach (var path in element.Value.AsBsonArray.SelectMany(f => FieldPaths(f.AsBsonDocument)))
                {
                    yield return path;
                }
            }
            else
            {
                yield return element.Name;
            }
        }
    }

    /// <summary>The value at a dotted path, or null when the document has no such field.</summary>
    public static BsonValue? FieldValue(BsonDocument document, string path)
    {
        BsonValue current = document;
        foreach (var part in path.Split('.'))
        {
            if (current is not BsonDocument nested || !nested.TryGetValue(part, out current))
            {
                return null;
            }
        }

        return current;
    }

    private static bool FieldMatches(BsonValue? value, BsonValue condition)
    {
        if (condition is not BsonDocument operators || operators.ElementCount == 0 || !operators.GetElement(0).Name.StartsWith('$'))
        {
            return AreEqual(value, condition);
        }

        return operators.All(o => OperatorHolds(value, o.Name, o.Value));
    }

    private static bool OperatorHolds(BsonValue? value, string name, BsonValue argument) => name switch
    {
        "$eq" => AreEqual(value, argument),
        "$ne" => !AreEqual(value, argument),
        "$in" => argument.AsBsonArray.Any(a => AreEqual(value, a)),
        "$nin" => !argument.AsBsonArray.Any(a => AreEqual(value, a)),
        "$gt" => Compare(value, argument) is > 0,
        "$gte" => Compare(value, argument) is >= 0,
        "$lt" => Compare(value, argument) is < 0,
        "$lte" => Compare(value, argument) is <= 0,
        "$exists" => (value is not null) == argument.ToBoolean(),
        "$not" => !FieldMatches(value, argument),
        _ => throw MongoCommandFailure.Unsupported($"query operator {name}"),
    };

    private static bool AreEqual(BsonValue? value, BsonValue expected)
    {
        if (value is null)
        {
            return expected.IsBsonNull;
        }

        if (value is BsonArray array && expected is not BsonArray)
        {
            return array.Any(item => AreEqual(item, expected));
        }

        return value.IsNumeric && expected.IsNumeric ? value.ToDouble() == expected.ToDouble() : value.Equals(expected);
    }

    /// <summary>Comparison within one kind of value (numbers, strings, dates); null when they cannot be compared.</summary>
    private static int? Compare(BsonValue? value, BsonValue argument)
    {
        if (value is null)
        {
            return null;
        }

        if (value.IsNumeric && argument.IsNumeric)
        {
            return value.ToDouble().CompareTo(argument.ToDouble());
        }

        return value.BsonType == argument.BsonType ? value.CompareTo(argument) : null;
    }
}
