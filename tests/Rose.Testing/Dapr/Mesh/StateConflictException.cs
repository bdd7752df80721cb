namespace Rose.Testing.Dapr.Mesh;

/// <summary>The store refused a write or delete: a stale ETag, or a first-write key written again without one.</summary>
internal sealed class StateConflictException(string message) : Exception(message);
