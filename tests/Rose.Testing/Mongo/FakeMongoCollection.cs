using MongoDB.Bson;

namespace Rose.Testing.Mongo;

/// <summary>One collection of the fake server: documents in insertion order, indexes and Atlas search indexes.</summary>
internal sealed class FakeMongoCollection
{
    public object Gate { get; } = new();

    public List<BsonDocument> Documents { get; } = [];

    public List<BsonDocument> Indexes { get; } = [new BsonDocument { { "v", 2 }, { "key", new BsonDocument("_id", 1) }, { "name", "_id_" } }];

    public List<BsonDocument> SearchIndexes { get; } = [];

    public int IndexOfId(BsonValue id) => Documents.FindIndex(d => d["_id"].Equals(id));
}
