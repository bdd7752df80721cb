namespace Rose.Knowledge.Events;

/// <summary>
/// Integration event: a tenant's knowledge changed (a document indexed, replaced or deleted).
/// Search replicas drop their snapshot of that tenant when they receive it.
/// </summary>
public sealed record KnowledgeUpdated(Guid Id, DateTimeOffset CreatedAt, string TenantId, string DocumentId, string Change)
{
    public const string Topic = "knowledge.updated";
    public const string Indexed = "indexed";
    public const string Deleted = "deleted";
}
