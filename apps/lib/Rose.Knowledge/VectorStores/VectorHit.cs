namespace Rose.Knowledge.VectorStores;

/// <summary>A chunk found by a vector store: its composite id (<c>tenantId:chunkId</c>) and the store's similarity score.</summary>
public readonly record struct VectorHit(string ChunkId, double Score);
