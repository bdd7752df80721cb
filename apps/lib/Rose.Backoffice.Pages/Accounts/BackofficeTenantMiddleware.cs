using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Rose.Storage;
using Rose.Tenancy;

namespace Rose.Backoffice.Pages.Accounts;

/// <summary>
/// Sets the tenant a signed-in user acts for: the one chosen in the header (a cookie) when the user
/// is a member of it, otherwise their first membership. Pages then read and write through the
/// modules' services as that tenant, so another tenant's id in a URL finds nothing.
/// </summary>
public sealed class BackofficeTenantMiddleware(RequestDelegate next)
{
    public const string TenantCookie = "rose-backoffice-tenant";

    public async Task InvokeAsync(
        HttpContext context, UserManager<BackofficeUser> users, BackofficeAccounts accounts, BackofficeSession session,
        TenantDirectory tenants, ICurrentTenant currentTenant)
    {
        var userId = context.User.Identity?.IsAuthenticated == true ? users.GetUserId(context.User) : null;
        if (userId is null)
        {
            await next(context);
            return;
        }

        // A tenant being off-boarded is found by nothing: its memberships no longer let anyone in.
        var memberships = new List<TenantMembership>();
        foreach (var candidate in await accounts.MembershipsAsync(userId, context.RequestAborted))
        {
            if (!await tenants.IsOffboardedAsync(candidate.TenantId, context.RequestAborted))
            {
                memberships.Add(candidate);
            }
        }

        session.UserId = userId;
        session.Email = context.User.Identity?.Name;
        session.Memberships = memberships;
        var chosen = context.Request.Cookies[TenantCookie];
        var membership = memberships.FirstOrDefault(m => m.TenantId == chosen) ?? (memberships.Count > 0 ? memberships[0] : null);
        if (membership is null)
        {
            await next(context);
            return;
        }

        session.TenantId = membership.TenantId;
        session.Role = membership.Role;
        session.TenantName = (await tenants.FindByIdAsync(membership.TenantId, context.RequestAborted))?.Name ?? membership.TenantId;
        using (currentTenant.Use(membership.TenantId))
        {
            await next(context);
        }
    }
}
