namespace Rose.Platform.PubSub;

/// <summary>The dead letters of the runtime, for the staff endpoints (<c>MapDeadLetterAdmin</c>).</summary>
public interface IDeadLetterStore
{
    /// <summary>Newest first; all tenants when <paramref name="tenantId"/> is null (staff only).</summary>
    Task<IReadOnlyList<DeadLetter>> ListAsync(string? tenantId, int limit, CancellationToken cancellationToken);

    /// <summary>Publishes the event again to its original topic; false when there is no such dead letter.</summary>
    Task<bool> ReplayAsync(long id, CancellationToken cancellationToken);
}
