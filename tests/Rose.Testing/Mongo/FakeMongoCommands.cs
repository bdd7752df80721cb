using System.Collections.Concurrent;
using MongoDB.Bson;

namespace Rose.Testing.Mongo;

/// <summary>
/// The commands the fake server answers, over collections kept in memory: the handshake and
/// housekeeping a driver sends on its own, CRUD, indexes, aggregation and Atlas search indexes.
/// An unknown command fails with <c>CommandNotFound</c>, as on a real server.
/// </summary>
internal sealed class FakeMongoCommands
{
    public const int MaxWireVersion = 21;

    private readonly ConcurrentDictionary<string, FakeMongoCollection> collections = new(StringComparer.Ordinal);

    public FakeMongoCollection? Find(string database, string collection) => collections.GetValueOrDefault($"{database}.{collection}");

    public BsonDocument Execute(BsonDocument command, int connectionId)
    {
        try
        {
            var reply = Dispatch(command, connectionId);
            reply["ok"] = 1.0;
            return reply;
        }
        catch (MongoCommandFailure e)
        {
            return new BsonDocument { { "ok", 0.0 }, { "errmsg", e.Message }, { "code", e.Code }, { "codeName", e.CodeName } };
        }
        catch (Exception e) when (e is InvalidCastException or KeyNotFoundException or ArgumentException or FormatException)
        {
            // A malformed command: say so, the driver turns it into an exception the test sees.
            return new BsonDocument { { "ok", 0.0 }, { "errmsg", $"Malformed command: {e.Message}" }, { "code", 9 }, { "codeName", "FailedToParse" } };
        }
    }

    private BsonDocument Dispatch(BsonDocument command, int connectionId)
    {
        var name = command.GetElement(0).Name;
        var database = command.GetValue("$db", "admin").AsString;
        return name switch
        {
            "hello" or "isMaster" or "ismaster" => Hello(connectionId),
            "buildInfo" or "buildinfo" => new BsonDocument { { "version", "7.0.0" }, { "versionArray", new BsonArray { 7, 0, 0, 0 } }, { "maxBsonObjectSize", 16 * 1024 * 1024 } },
            "ping" or "endSessions" => [],
            "killCursors" => new BsonDocument("cursorsKilled", command.GetValue("cursors", new BsonArray())),
            "getMore" => throw new MongoCommandFailure(43, "CursorNotFound", "Every cursor of the fake server is exhausted in its first batch."),
            "insert" => Insert(Collection(database, command[0].AsString), command.GetValue("documents", new BsonArray()).AsBsonArray),
            "update" => Update(Collection(database, command[0].AsString), command.GetValue("updates", new BsonArray()).AsBsonArray),
            "delete" => Delete(Collection(database, command[0].AsString), command.GetValue("deletes", new BsonArray()).AsBsonArray),
            "find" => FindDocuments(database, command),
            "aggregate" => Cursor(database, command[0].AsString, FakeMongoPipeline.Run(Collection(database, command[0].AsString), command["pipeline"].AsBsonArray)),
            "createIndexes" => CreateIndexes(Collection(database, command[0].AsString), command["indexes"].AsBsonArray),
            "createSearchIndexes" => CreateSearchIndexes(Collection(database, command[0].AsString), command["indexes"].AsBsonArray),
            _ => throw new MongoCommandFailure(59, "CommandNotFound", $"no such command: '{name}'"),
        };
    }

    private static BsonDocument Hello(int connectionId) => new()
    {
        // A standalone server: no setName, no msg "isdbgrid"; no topologyVersion, so the driver polls.
        { "helloOk", true },
        { "ismaster", true },
        { "isWritablePrimary", true },
        { "maxBsonObjectSize", 16 * 1024 * 1024 },
        { "maxMessageSizeBytes", 48_000_000 },
        { "maxWriteBatchSize", 100_000 },
        { "localTime", DateTime.UtcNow },
        { "logicalSessionTimeoutMinutes", 30 },
        { "connectionId", connectionId },
        { "minWireVersion", 0 },
        { "maxWireVersion", MaxWireVersion },
        { "readOnly", false },
    };

    private FakeMongoCollection Collection(string database, string name) => collections.GetOrAdd($"{database}.{name}", _ => new FakeMongoCollection());

    private static BsonDocument Insert(FakeMongoCollection collection, BsonArray documents)
    {
        var inserted = 0;
        var errors = new BsonArray();
        lock (collection.Gate)
        {
            for (var i = 0; i < documents.Count; i++)
            {
                var document = documents[i].DeepClone().AsBsonDocument;
                if (!document.Contains("_id"))
                {
                    document.InsertAt(0, new BsonElement("_id", ObjectId.GenerateNewId()));
                }

                if (collection.IndexOfId(document["_id"]) >= 0)
                {
                    errors.Add(DuplicateKey(i, document["_id"]));
                    continue;
                }

                collection.Documents.Add(document);
                inserted++;
            }
        }

        return errors.Count == 0 ? new BsonDocument("n", inserted) : new BsonDocument { { "n", inserted }, { "writeErrors", errors } };
    }

    private static BsonDocument Update(FakeMongoCollection collection, BsonArray updates)
    {
        int matched = 0, modified = 0;
        var upserted = new BsonArray();
        lock (collection.Gate)
        {
            for (var i = 0; i < updates.Count; i++)
            {
                var update = updates[i].AsBsonDocument;
                var query = update["q"].AsBsonDocument;
                var change = update["u"] is BsonDocument document ? document : throw MongoCommandFailure.Unsupported("pipeline updates");
                var multi = update.GetValue("multi", false).ToBoolean();
                var isReplacement = change.ElementCount == 0 || !change.GetElement(0).Name.StartsWith('$');
                if (isReplacement && multi)
                {
                    throw new MongoCommandFailure(9, "FailedToParse", "multi update is not supported for replacement-style update");
                }

                var targets = collection.Documents.Where(d => MongoQueryFilter.Matches(d, query)).ToList();
                if (!multi)
                {
                    targets = [.. targets.Take(1)];
                }

                foreach (var target in targets)
                {
                    var position = collection.Documents.IndexOf(target);
                    collection.Documents[position] = isReplacement ? Replace(target, change) : ApplyOperators(target, change);
                    matched++;
                    modified++;
                }

                if (targets.Count == 0 && update.GetValue("upsert", false).ToBoolean())
                {
                    var created = isReplacement ? change.DeepClone().AsBsonDocument : ApplyOperators(EqualityFields(query), change);
                    if (!created.Contains("_id"))
                    {
                        created.InsertAt(0, new BsonElement("_id", query.TryGetValue("_id", out var id) && !id.IsBsonDocument ? id : ObjectId.GenerateNewId()));
                    }

                    if (collection.IndexOfId(created["_id"]) >= 0)
                    {
                        return new BsonDocument { { "n", matched }, { "nModified", modified }, { "writeErrors", new BsonArray { DuplicateKey(i, created["_id"]) } } };
                    }

                    collection.Documents.Add(created);
                    upserted.Add(new BsonDocument { { "index", i }, { "_id", created["_id"] } });
                }
            }
        }

        var reply = new BsonDocument { { "n", matched + upserted.Count }, { "nModified", modified } };
        if (upserted.Count > 0)
        {
            reply["upserted"] = upserted;
        }

        return reply;
    }

    private static BsonDocument Delete(FakeMongoCollection collection, BsonArray deletes)
    {
        var removed = 0;
        lock (collection.Gate)
        {
            foreach (var delete in deletes.Select(d => d.AsBsonDocument))
            {
                var query = delete["q"].AsBsonDocument;
                var targets = collection.Documents.Where(d => MongoQueryFilter.Matches(d, query)).ToList();
                foreach (var target in delete.GetValue("limit", 0).ToInt32() == 1 ? targets.Take(1) : targets)
                {
                    collection.Documents.Remove(target);
                    removed++;
                }
            }
        }

        return new BsonDocument("n", removed);
    }

    private BsonDocument FindDocuments(string database, BsonDocument command)
    {
        if (command.TryGetValue("sort", out var sort) && sort.AsBsonDocument.ElementCount > 0)
        {
            throw MongoCommandFailure.Unsupported("find with sort");
        }

        var name = command[0].AsString;
        var filter = command.GetValue("filter", new BsonDocument()).AsBsonDocument;
        var collection = Collection(database, name);
        List<BsonDocument> found;
        lock (collection.Gate)
        {
            found = [.. collection.Documents.Where(d => MongoQueryFilter.Matches(d, filter)).Select(d => d.DeepClone().AsBsonDocument)];
        }

        IEnumerable<BsonDocument> results = found.Skip(command.GetValue("skip", 0).ToInt32());
        if (command.GetValue("limit", 0).ToInt32() is > 0 and var limit)
        {
            results = results.Take(limit);
        }

        if (command.TryGetValue("projection", out var projection))
        {
            results = results.Select(d => FakeMongoPipeline.Project(d, null, projection.AsBsonDocument));
        }

        return Cursor(database, name, [.. results]);
    }

    private static BsonDocument CreateIndexes(FakeMongoCollection collection, BsonArray indexes)
    {
        lock (collection.Gate)
        {
            var before = collection.Indexes.Count;
            foreach (var index in indexes.Select(i => i.AsBsonDocument))
            {
                if (!collection.Indexes.Any(existing => existing["name"] == index["name"]))
                {
                    collection.Indexes.Add(index.DeepClone().AsBsonDocument);
                }
            }

            return new BsonDocument { { "createdCollectionAutomatically", false }, { "numIndexesBefore", before }, { "numIndexesAfter", collection.Indexes.Count } };
        }
    }

    private static BsonDocument CreateSearchIndexes(FakeMongoCollection collection, BsonArray indexes)
    {
        var created = new BsonArray();
        lock (collection.Gate)
        {
            foreach (var index in indexes.Select(i => i.AsBsonDocument))
            {
                var name = index.GetValue("name", "default").AsString;
                if (collection.SearchIndexes.Any(existing => existing["name"] == name))
                {
                    throw new MongoCommandFailure(68, "IndexAlreadyExists", $"Index {name} already exists.");
                }

                var id = ObjectId.GenerateNewId().ToString();
                collection.SearchIndexes.Add(new BsonDocument
                {
                    { "id", id },
                    { "name", name },
                    { "type", index.GetValue("type", "search") },
                    { "status", "READY" },
                    { "queryable", true },
                    { "latestDefinition", index["definition"].DeepClone() },
                });
                created.Add(new BsonDocument { { "id", id }, { "name", name } });
            }
        }

        return new BsonDocument("indexesCreated", created);
    }

    private static BsonDocument Cursor(string database, string collection, List<BsonDocument> batch) =>
        new("cursor", new BsonDocument { { "id", 0L }, { "ns", $"{database}.{collection}" }, { "firstBatch", new BsonArray(batch) } });

    private static BsonDocument Replace(BsonDocument target, BsonDocument replacement)
    {
        var replaced = replacement.DeepClone().AsBsonDocument;
        if (replaced.TryGetValue("_id", out var id) && !id.Equals(target["_id"]))
        {
            throw new MongoCommandFailure(66, "ImmutableField", "Performing an update on the path '_id' would modify the immutable field '_id'");
        }

        replaced.Remove("_id");
        replaced.InsertAt(0, new BsonElement("_id", target["_id"]));
        return replaced;
    }

    private static BsonDocument ApplyOperators(BsonDocument target, BsonDocument change)
    {
        var updated = target.DeepClone().AsBsonDocument;
        foreach (var operation in change)
        {
            foreach (var field in operation.Value.AsBsonDocument)
            {
                switch (operation.Name)
                {
                    case "$set":
                        updated[field.Name] = field.Value;
                        break;
                    case "$unset":
                        updated.Remove(field.Name);
                        break;
                    default:
                        throw MongoCommandFailure.Unsupported($"update operator {operation.Name}");
                }
            }
        }

        return updated;
    }

    /// <summary>An upsert's new document starts with the query's top-level equalities, as in MongoDB.</summary>
    private static BsonDocument EqualityFields(BsonDocument query) =>
        new(query.Where(e => !e.Name.StartsWith('$') && !(e.Value is BsonDocument { ElementCount: > 0 } d && d.GetElement(0).Name.StartsWith('$'))));

    private static BsonDocument DuplicateKey(int index, BsonValue id) =>
        new() { { "index", index }, { "code", 11000 }, { "errmsg", $"E11000 duplicate key error dup key: {{ _id: {id} }}" } };
}
