using StackExchange.Redis;

namespace Rose.Testing.Dapr.Mesh;

/// <summary>
/// A state store on a real Redis, running the very Lua scripts of components-contrib
/// <c>state/redis/redis.go</c> (<c>setDefaultQuery</c>, <c>delDefaultQuery</c>): each key is a hash
/// with <c>data</c>, <c>version</c> (the ETag) and, for first-write saves, <c>first-write</c>; TTL is an
/// <c>EXPIRE</c> after the write, and a TTL of zero or less a <c>PERSIST</c>.
/// </summary>
internal sealed class RedisMeshStateStore(ConnectionMultiplexer redis) : IMeshStateStore
{
    // Verbatim from components-contrib state/redis/redis.go.
    private const string SetScript = """
        local etag = redis.pcall("HGET", KEYS[1], "version");
        if type(etag) == "table" then
          redis.call("DEL", KEYS[1]);
        end;
        local fwr = redis.pcall("HGET", KEYS[1], "first-write");
        if not etag or type(etag)=="table" or etag == "" or etag == ARGV[1] or (not fwr and ARGV[1] == "0") then
          redis.call("HSET", KEYS[1], "data", ARGV[2]);
          if ARGV[3] == "0" then
            redis.call("HSET", KEYS[1], "first-write", 0);
          end;
          return redis.call("HINCRBY", KEYS[1], "version", 1)
        else
          return error("failed to set key " .. KEYS[1])
        end
        """;

    private const string DeleteScript = """
        local etag = redis.pcall("HGET", KEYS[1], "version");
        if not etag or type(etag)=="table" or etag == ARGV[1] or etag == "" or ARGV[1] == "0" then
          return redis.call("DEL", KEYS[1])
        else
          return error("failed to delete " .. KEYS[1])
        end
        """;

    public static async Task<RedisMeshStateStore> ConnectAsync(string connectionString) =>
        new(await ConnectionMultiplexer.ConnectAsync(connectionString));

    public async Task<StoredItem?> GetAsync(string key)
    {
        var entries = await redis.GetDatabase().HashGetAllAsync(key);
        if (entries.Length == 0)
        {
            return null;
        }

        var data = entries.FirstOrDefault(e => e.Name == "data").Value;
        var version = entries.FirstOrDefault(e => e.Name == "version").Value;
        return new StoredItem(data.IsNull ? [] : (byte[])data!, version.IsNull ? string.Empty : version.ToString());
    }

    public async Task SetAsync(string key, byte[] value, string? etag, bool firstWrite, int? ttlInSeconds)
    {
        var database = redis.GetDatabase();
        try
        {
            // parseETag: no ETag is version "0"; firstWrite is passed as "0", last-write as "1".
            await database.ScriptEvaluateAsync(SetScript, [key], [string.IsNullOrEmpty(etag) ? "0" : etag, value, firstWrite ? "0" : "1"]);
        }
        catch (RedisServerException ex)
        {
            throw new StateConflictException(ex.Message);
        }

        if (ttlInSeconds is > 0)
        {
            await database.KeyExpireAsync(key, TimeSpan.FromSeconds(ttlInSeconds.Value));
        }
        else if (ttlInSeconds is not null)
        {
            await database.KeyPersistAsync(key);
        }
    }

    public async Task DeleteAsync(string key, string? etag)
    {
        try
        {
            await redis.GetDatabase().ScriptEvaluateAsync(DeleteScript, [key], [string.IsNullOrEmpty(etag) ? "0" : etag]);
        }
        catch (RedisServerException ex)
        {
            throw new StateConflictException(ex.Message);
        }
    }

    public async ValueTask DisposeAsync() => await redis.DisposeAsync();
}
