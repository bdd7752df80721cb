namespace Rose.Tagging;

/// <summary>
/// Told, within the current tenant, the e-mail addresses of a visitor just erased in Rose, so that a
/// module holding copies elsewhere (the CRM) erases them there too. Called after Rose's own rows are gone.
/// </summary>
public interface IVisitorErasureObserver
{
    Task ErasedAsync(IReadOnlyList<string> emails, CancellationToken cancellationToken);
}
