namespace Rose.Backoffice.Pages.Accounts;

/// <summary>
/// One plain-text e-mail the backoffice sends (an invitation, a password-reset link). The tenant is
/// the one whose owners may read the offline copy on the Sent mail page; none means the log only.
/// </summary>
public sealed record OutgoingMail(string? TenantId, string To, string Subject, string Body);
