namespace Rose.Backoffice.Pages.Accounts;

/// <summary>An invitation to join a tenant's team as <see cref="Role"/>, opened by a one-time link.</summary>
public sealed class TeamInvitation
{
    public string Id { get; set; } = Guid.NewGuid().ToString("N");

    public string TenantId { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string Role { get; set; } = MembershipRole.Member;

    /// <summary>The link's token through <see cref="OneTimeToken.Hash"/>; the token itself is only in the e-mail.</summary>
    public string TokenHash { get; set; } = string.Empty;

    public string InvitedBy { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }
}
