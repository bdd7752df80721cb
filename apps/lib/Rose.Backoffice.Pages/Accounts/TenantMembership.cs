namespace Rose.Backoffice.Pages.Accounts;

/// <summary>That a user belongs to a tenant's team, and as what (<see cref="MembershipRole"/>).</summary>
public sealed class TenantMembership
{
    public string TenantId { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    public string Role { get; set; } = MembershipRole.Member;

    public DateTimeOffset CreatedAt { get; set; }
}
