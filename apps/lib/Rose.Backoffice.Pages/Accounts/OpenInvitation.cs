namespace Rose.Backoffice.Pages.Accounts;

/// <summary>What the invitation page shows for a valid link: which team, as what, and whether the e-mail already has an account.</summary>
public sealed record OpenInvitation(string TenantId, string Email, string Role, string InvitedBy, bool AccountExists);
