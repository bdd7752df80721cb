namespace Rose.Storage;

/// <summary>The tenant the current unit of work acts for; null until a request or job sets it.</summary>
public interface ICurrentTenant
{
    string? TenantId { get; }

    /// <summary>Acts for <paramref name="tenantId"/> until the returned scope is disposed.</summary>
    IDisposable Use(string tenantId);
}
