namespace Rose.Backoffice.Pages.Accounts;

/// <summary>
/// Who is signed in for this request and which tenant they act for, set by
/// <see cref="BackofficeTenantMiddleware"/> from the user's memberships (never from a form or the URL).
/// </summary>
public sealed class BackofficeSession
{
    public string? UserId { get; internal set; }

    public string? Email { get; internal set; }

    public string? TenantId { get; internal set; }

    public string? TenantName { get; internal set; }

    public string? Role { get; internal set; }

    public IReadOnlyList<TenantMembership> Memberships { get; internal set; } = [];

    public bool IsOwner => Role == MembershipRole.Owner;
}
