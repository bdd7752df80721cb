using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using Rose.Testing.Mongo;
using Xunit;

namespace Rose.Knowledge.Tests;

/// <summary>
/// The fake MongoDB server at the byte level, for what the driver may or may not send in a given
/// version: the legacy OP_QUERY handshake, OP_MSG document sequences and unknown commands.
/// </summary>
public sealed class MongoWireTests : IAsyncLifetime
{
    private const int OpReply = 1;
    private const int OpQuery = 2004;
    private const int OpMsg = 2013;

    private FakeMongoServer server = null!;
    private TcpClient client = null!;
    private NetworkStream stream = null!;

    public async Task InitializeAsync()
    {
        server = FakeMongoServer.Start();
        client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", server.Port);
        stream = client.GetStream();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Legacy_OP_QUERY_isMaster_is_answered_with_an_OP_REPLY_of_a_standalone_server()
    {
        var query = new BsonDocument { { "isMaster", 1 }, { "helloOk", true } }.ToBson();
        var body = Concat(new byte[4], Encoding.UTF8.GetBytes("admin.$cmd\0"), new byte[4], Int32(-1), query);

        var (opCode, responseTo, payload) = await SendAsync(OpQuery, 41, body);

        Assert.Equal(OpReply, opCode);
        Assert.Equal(41, responseTo);
        Assert.Equal(1, BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(16)));
        var reply = BsonSerializer.Deserialize<BsonDocument>(payload[20..]);
        Assert.True(reply["ismaster"].AsBoolean);
        Assert.True(reply["maxWireVersion"].AsInt32 >= 21);
        Assert.False(reply.Contains("setName"));
    }

    [Fact]
    public async Task OP_MSG_document_sequences_are_the_command_arguments_and_unknown_commands_fail()
    {
        var insert = new BsonDocument { { "insert", "things" }, { "$db", "test" } }.ToBson();
        byte[][] documents = [new BsonDocument("_id", "a:1").ToBson(), new BsonDocument("_id", "a:2").ToBson()];
        var identifier = Encoding.UTF8.GetBytes("documents\0");
        var sequence = Concat(Int32(4 + identifier.Length + documents.Sum(d => d.Length)), identifier, Concat(documents));
        var (opCode, responseTo, payload) = await SendAsync(OpMsg, 7, Concat(new byte[4], [0], insert, [1], sequence));

        Assert.Equal(OpMsg, opCode);
        Assert.Equal(7, responseTo);
        Assert.Equal(2, Body(payload)["n"].ToInt32());
        Assert.Equal(["a:1", "a:2"], server.Documents("test", "things").Select(d => d["_id"].AsString));

        var (_, _, unknown) = await SendAsync(OpMsg, 8, Concat(new byte[4], [0], new BsonDocument { { "frobnicate", 1 }, { "$db", "test" } }.ToBson()));
        Assert.Equal(0, Body(unknown)["ok"].ToInt32());
        Assert.Equal("CommandNotFound", Body(unknown)["codeName"].AsString);
    }

    private async Task<(int OpCode, int ResponseTo, byte[] Payload)> SendAsync(int opCode, int requestId, byte[] body)
    {
        await stream.WriteAsync(Concat(Int32(16 + body.Length), Int32(requestId), Int32(0), Int32(opCode), body));
        var header = new byte[16];
        await stream.ReadExactlyAsync(header);
        var payload = new byte[BinaryPrimitives.ReadInt32LittleEndian(header) - 16];
        await stream.ReadExactlyAsync(payload);
        return (BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(12)), BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(8)), payload);
    }

    /// <summary>The body of an OP_MSG reply: flag bits, then a kind-0 section.</summary>
    private static BsonDocument Body(byte[] payload)
    {
        Assert.Equal(0, payload[4]);
        return BsonSerializer.Deserialize<BsonDocument>(payload[5..]);
    }

    private static byte[] Int32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
