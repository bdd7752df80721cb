namespace Rose.Testing.Dapr.Mesh;

/// <summary>A value in a mesh state store and its version, which is its ETag.</summary>
internal sealed record StoredItem(byte[] Data, string ETag);
