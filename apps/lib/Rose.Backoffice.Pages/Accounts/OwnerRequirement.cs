using Microsoft.AspNetCore.Authorization;

namespace Rose.Backoffice.Pages.Accounts;

/// <summary>
/// Met when the signed-in user is an owner of the tenant they act for (<see cref="BackofficeSession"/>),
/// which the pages of the team, keys and allowed origins require.
/// </summary>
public sealed class OwnerRequirement : IAuthorizationRequirement
{
    public const string Policy = "backoffice-owner";
}
