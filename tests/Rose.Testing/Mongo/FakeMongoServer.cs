using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MongoDB.Bson;

namespace Rose.Testing.Mongo;

/// <summary>
/// A MongoDB server for tests, on a loopback port, speaking the wire protocol (OP_MSG, and OP_QUERY
/// for a legacy handshake) to the real driver: a standalone server of wire version 21 that keeps
/// its collections in memory and evaluates filters and Atlas' <c>$vectorSearch</c> itself. There
/// is no mongod on our machines and Atlas is an external service; this is the stub at its protocol.
/// </summary>
public sealed class FakeMongoServer : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly FakeMongoCommands commands = new();
    private readonly ConcurrentQueue<BsonDocument> received = new();
    private readonly ConcurrentDictionary<int, TcpClient> connections = new();
    private readonly ConcurrentDictionary<string, int> failures = new(StringComparer.Ordinal);
    private readonly Task accepting;
    private int lastConnectionId;

    private FakeMongoServer()
    {
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    /// <summary>A direct connection with short timeouts: a test that breaks the protocol fails in seconds.</summary>
    public string ConnectionString =>
        $"mongodb://127.0.0.1:{Port}/?directConnection=true&serverSelectionTimeoutMS=5000&connectTimeoutMS=5000&socketTimeoutMS=15000";

    /// <summary>Every command received, in order, as sent (document sequences folded into the body).</summary>
    public IReadOnlyList<BsonDocument> Commands => [.. received];

    public static FakeMongoServer Start() => new();

    /// <summary>The documents of a collection now, copied; empty when it does not exist.</summary>
    public IReadOnlyList<BsonDocument> Documents(string database, string collection)
    {
        if (commands.Find(database, collection) is not { } found)
        {
            return [];
        }

        lock (found.Gate)
        {
            return [.. found.Documents.Select(d => d.DeepClone().AsBsonDocument)];
        }
    }

    /// <summary>The Atlas search indexes of a collection, as <c>$listSearchIndexes</c> shows them.</summary>
    public IReadOnlyList<BsonDocument> SearchIndexes(string database, string collection)
    {
        if (commands.Find(database, collection) is not { } found)
        {
            return [];
        }

        lock (found.Gate)
        {
            return [.. found.SearchIndexes.Select(d => d.DeepClone().AsBsonDocument)];
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> commands named <paramref name="command"/> (<c>update</c>,
    /// <c>delete</c>, <c>aggregate</c>…) fail with an <c>InternalError</c>, which the driver does not retry.
    /// </summary>
    public void FailNext(string command, int count = 1) => failures.AddOrUpdate(command, count, (_, pending) => pending + count);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        foreach (var connection in connections.Values)
        {
            connection.Dispose();
        }

        await accepting;
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var id = Interlocked.Increment(ref lastConnectionId);
            connections[id] = client;
            _ = ServeAsync(client, id);
        }
    }

    private bool TakeFailure(string command)
    {
        while (failures.TryGetValue(command, out var pending) && pending > 0)
        {
            if (failures.TryUpdate(command, pending - 1, pending))
            {
                return true;
            }
        }

        return false;
    }

    private async Task ServeAsync(TcpClient client, int connectionId)
    {
        try
        {
            var stream = client.GetStream();
            while (await MongoWire.ReadAsync(stream, stopping.Token) is { } request)
            {
                received.Enqueue(request.Command);
                var reply = TakeFailure(request.Command.GetElement(0).Name)
                    ? new BsonDocument { { "ok", 0.0 }, { "errmsg", "A failure the test asked for." }, { "code", 1 }, { "codeName", "InternalError" } }
                    : commands.Execute(request.Command, connectionId);
                await MongoWire.WriteReplyAsync(stream, request, reply, stopping.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidDataException)
        {
            // The driver closed the connection, or the server is stopping: nothing to answer.
        }
        finally
        {
            connections.TryRemove(connectionId, out _);
            client.Dispose();
        }
    }
}
