namespace Rose.Platform.PubSub;

/// <summary>
/// Base of every event Rose publishes: immutable, with an <see cref="Id"/> that becomes the
/// CloudEvent id (so a redelivery carries the same id) and the tenant it belongs to.
/// Mark each concrete record with <see cref="EventTopicAttribute"/>.
/// </summary>
public abstract record IntegrationEvent
{
    protected IntegrationEvent(string tenantId)
    {
        TenantId = tenantId;
    }

    public string TenantId { get; init; }

    public Guid Id { get; init; } = Guid.NewGuid();

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}
