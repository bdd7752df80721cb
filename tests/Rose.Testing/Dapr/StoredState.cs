using Google.Protobuf;

namespace Rose.Testing.Dapr;

/// <summary>A value the fake sidecar's state store holds, with its version as ETag.</summary>
public sealed record StoredState(ByteString Value, long Version);
