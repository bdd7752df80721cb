namespace Rose.Knowledge.VectorStores;

/// <summary>Which <see cref="IVectorStore"/> holds the chunk vectors.</summary>
public enum VectorStoreProvider
{
    /// <summary>In each tenant's in-memory snapshot, loaded from the chunks table.</summary>
    InProcess,

    /// <summary>One MongoDB Atlas collection shared by all tenants, searched with <c>$vectorSearch</c>.</summary>
    MongoDb,
}
