namespace Rose.Backoffice.Pages.Accounts;

/// <summary>One person of a tenant's team, as the Team page lists them.</summary>
public sealed record TeamMember(string UserId, string Email, string Role, DateTimeOffset JoinedAt);
