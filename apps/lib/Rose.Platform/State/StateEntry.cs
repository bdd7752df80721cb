namespace Rose.Platform.State;

/// <summary>A stored value with the ETag to pass back to <see cref="IStateStore.TrySaveAsync{T}"/>.</summary>
public sealed record StateEntry<T>(string Key, T Value, string ETag);
