using System.Buffers.Binary;
using System.Text;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace Rose.Testing.Mongo;

/// <summary>
/// The framing of the MongoDB wire protocol: a 16-byte header, then OP_MSG (2013: flag bits and
/// sections — a body document and document sequences such as <c>documents</c> of an insert) or the
/// legacy OP_QUERY (2004) that drivers may still use for the first handshake, answered with OP_REPLY (1).
/// </summary>
internal static class MongoWire
{
    public const int OpReply = 1;
    public const int OpQuery = 2004;
    public const int OpMsg = 2013;
    private const int HeaderLength = 16;
    private const int MaxMessageLength = 48_000_000;
    private const uint ChecksumPresent = 1;
    private static int nextRequestId;

    /// <returns>The next request, or null when the client closed the connection between messages.</returns>
    public static async Task<MongoWireRequest?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[HeaderLength];
        var read = 0;
        while (read < HeaderLength)
        {
            var n = await stream.ReadAsync(header.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                return read == 0 ? null : throw new EndOfStreamException("The connection closed inside a message header.");
            }

            read += n;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        var requestId = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(4));
        var opCode = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(12));
        if (length < HeaderLength || length > MaxMessageLength)
        {
            throw new InvalidDataException($"A message of {length} bytes is not valid.");
        }

        var body = new byte[length - HeaderLength];
        await stream.ReadExactlyAsync(body, cancellationToken);
        return opCode switch
        {
            OpMsg => new MongoWireRequest(requestId, opCode, ParseMessage(body)),
            OpQuery => new MongoWireRequest(requestId, opCode, ParseQuery(body)),
            _ => throw new InvalidDataException($"Opcode {opCode} is not supported (compression is not advertised)."),
        };
    }

    public static async Task WriteReplyAsync(Stream stream, MongoWireRequest request, BsonDocument reply, CancellationToken cancellationToken)
    {
        var document = reply.ToBson();
        using var message = new MemoryStream();
        var header = new byte[HeaderLength];
        if (request.OpCode == OpQuery)
        {
            // OP_REPLY: responseFlags, cursorID, startingFrom, numberReturned, documents.
            var prefix = new byte[20];
            BinaryPrimitives.WriteInt32LittleEndian(prefix.AsSpan(16), 1);
            WriteHeader(header, HeaderLength + prefix.Length + document.Length, request.RequestId, OpReply);
            message.Write(header);
            message.Write(prefix);
        }
        else
        {
            // OP_MSG: no flag bits, one body section (kind 0).
            WriteHeader(header, HeaderLength + 5 + document.Length, request.RequestId, OpMsg);
            message.Write(header);
            message.Write(stackalloc byte[5] { 0, 0, 0, 0, 0 });
        }

        message.Write(document);
        await stream.WriteAsync(message.GetBuffer().AsMemory(0, (int)message.Length), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    private static void WriteHeader(byte[] header, int length, int responseTo, int opCode)
    {
        BinaryPrimitives.WriteInt32LittleEndian(header, length);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), Interlocked.Increment(ref nextRequestId));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), responseTo);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), opCode);
    }

    /// <summary>The body section, with every document sequence added to it as an array under its identifier.</summary>
    private static BsonDocument ParseMessage(byte[] body)
    {
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(body);
        var end = body.Length - ((flags & ChecksumPresent) != 0 ? 4 : 0);
        var position = 4;
        BsonDocument? command = null;
        var sequences = new List<(string Identifier, BsonArray Documents)>();
        while (position < end)
        {
            var kind = body[position++];
            var size = BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan(position));
            if (kind == 0)
            {
                command = Deserialize(body, position, size);
                position += size;
            }
            else if (kind == 1)
            {
                var sectionEnd = position + size;
                position += 4;
                var identifier = ReadCString(body, ref position);
                var documents = new BsonArray();
                while (position < sectionEnd)
                {
                    var documentSize = BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan(position));
                    documents.Add(Deserialize(body, position, documentSize));
                    position += documentSize;
                }

                sequences.Add((identifier, documents));
            }
            else
            {
                throw new InvalidDataException($"OP_MSG section kind {kind} is not valid.");
            }
        }

        if (command is null)
        {
            throw new InvalidDataException("The OP_MSG has no body section.");
        }

        foreach (var (identifier, documents) in sequences)
        {
            command[identifier] = documents;
        }

        return command;
    }

    /// <summary>OP_QUERY on <c>db.$cmd</c>: flags, full collection name, skip, limit, then the command.</summary>
    private static BsonDocument ParseQuery(byte[] body)
    {
        var position = 4;
        var collection = ReadCString(body, ref position);
        position += 8;
        var size = BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan(position));
        var query = Deserialize(body, position, size);
        var command = query.TryGetValue("$query", out var wrapped) ? wrapped.AsBsonDocument : query;
        if (!command.Contains("$db"))
        {
            command["$db"] = collection[..collection.IndexOf('.', StringComparison.Ordinal)];
        }

        return command;
    }

    private static BsonDocument Deserialize(byte[] buffer, int offset, int size)
    {
        using var stream = new MemoryStream(buffer, offset, size, writable: false);
        return BsonSerializer.Deserialize<BsonDocument>(stream);
    }

    private static string ReadCString(byte[] buffer, ref int position)
    {
        var end = Array.IndexOf(buffer, (byte)0, position);
        var value = Encoding.UTF8.GetString(buffer, position, end - position);
        position = end + 1;
        return value;
    }
}
