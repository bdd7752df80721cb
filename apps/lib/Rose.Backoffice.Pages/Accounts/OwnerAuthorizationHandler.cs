using Microsoft.AspNetCore.Authorization;

namespace Rose.Backoffice.Pages.Accounts;

/// <summary>
/// Decides <see cref="OwnerRequirement"/> from the request's <see cref="BackofficeSession"/> (scoped, so
/// the middleware and the page's own check both see the membership the tenant middleware found).
/// </summary>
public sealed class OwnerAuthorizationHandler(BackofficeSession session) : AuthorizationHandler<OwnerRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OwnerRequirement requirement)
    {
        if (session.IsOwner)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
