using MongoDB.Bson;

namespace Rose.Testing.Mongo;

/// <summary>One command received on the wire: its request id (answered in <c>responseTo</c>), opcode and body.</summary>
internal sealed record MongoWireRequest(int RequestId, int OpCode, BsonDocument Command);
