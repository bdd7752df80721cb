namespace Rose.Knowledge.VectorStores;

/// <summary>One chunk's embedding as written to a vector store; <see cref="ChunkId"/> is the local id.</summary>
public readonly record struct ChunkVector(string ChunkId, float[] Vector);
