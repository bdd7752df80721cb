using Dapr.Actors.Runtime;

namespace Rose.Chat.Tests;

/// <summary>Actor state kept in a dictionary, for testing an actor without a sidecar.</summary>
public sealed class InMemoryActorStateManager : IActorStateManager
{
    private readonly Dictionary<string, object?> state = new(StringComparer.Ordinal);

    public Task AddStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default)
    {
        if (!state.TryAdd(stateName, value))
        {
            throw new InvalidOperationException($"State {stateName} already exists.");
        }

        return Task.CompletedTask;
    }

    public Task AddStateAsync<T>(string stateName, T value, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        AddStateAsync(stateName, value, cancellationToken);

    public Task<T> GetStateAsync<T>(string stateName, CancellationToken cancellationToken = default) =>
        state.TryGetValue(stateName, out var value) ? Task.FromResult((T)value!) : throw new KeyNotFoundException(stateName);

    public Task SetStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default)
    {
        state[stateName] = value;
        return Task.CompletedTask;
    }

    public Task SetStateAsync<T>(string stateName, T value, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        SetStateAsync(stateName, value, cancellationToken);

    public Task RemoveStateAsync(string stateName, CancellationToken cancellationToken = default) =>
        state.Remove(stateName) ? Task.CompletedTask : throw new KeyNotFoundException(stateName);

    public Task<bool> TryAddStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.TryAdd(stateName, value));

    public Task<bool> TryAddStateAsync<T>(string stateName, T value, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        TryAddStateAsync(stateName, value, cancellationToken);

    public Task<ConditionalValue<T>> TryGetStateAsync<T>(string stateName, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.TryGetValue(stateName, out var value) ? new ConditionalValue<T>(true, (T)value!) : new ConditionalValue<T>(false, default!));

    public Task<bool> TryRemoveStateAsync(string stateName, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Remove(stateName));

    public Task<bool> ContainsStateAsync(string stateName, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.ContainsKey(stateName));

    public async Task<T> GetOrAddStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default)
    {
        state.TryAdd(stateName, value);
        return await GetStateAsync<T>(stateName, cancellationToken);
    }

    public Task<T> GetOrAddStateAsync<T>(string stateName, T value, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        GetOrAddStateAsync(stateName, value, cancellationToken);

    public Task<T> AddOrUpdateStateAsync<T>(string stateName, T addValue, Func<string, T, T> updateValueFactory, CancellationToken cancellationToken = default)
    {
        var value = state.TryGetValue(stateName, out var existing) ? updateValueFactory(stateName, (T)existing!) : addValue;
        state[stateName] = value;
        return Task.FromResult(value);
    }

    public Task<T> AddOrUpdateStateAsync<T>(string stateName, T addValue, Func<string, T, T> updateValueFactory, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        AddOrUpdateStateAsync(stateName, addValue, updateValueFactory, cancellationToken);

    public Task UnloadStateAsync(string stateName, UnloadStateOptions options, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task ClearCacheAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SaveStateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}
