namespace Rose.Backoffice.Pages.Accounts;

/// <summary>A one-time link that lets the owner of an account choose a new password.</summary>
public sealed class PasswordResetLink
{
    public string Id { get; set; } = Guid.NewGuid().ToString("N");

    public string UserId { get; set; } = string.Empty;

    /// <summary>The link's token through <see cref="OneTimeToken.Hash"/>.</summary>
    public string TokenHash { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}
