using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rose.Backoffice.Pages.Accounts;
using Rose.Backoffice.Pages.Components;
using Rose.Backoffice.Pages.Components.Shared;
using Rose.Chat.Reports;

namespace Rose.Backoffice.Pages;

public static class BackofficeEndpointExtensions
{
    /// <summary>Where the dashboard lives in every host; the gateway sends this prefix straight to the backoffice service.</summary>
    public const string PathBase = "/backoffice";

    /// <summary>
    /// Serves the dashboard under <c>/backoffice</c> (sign-in at <c>/backoffice/login</c>) as its own
    /// branch, so its cookies, antiforgery and sign-in limits apply to the pages only and never to the
    /// widget or management APIs that share the host.
    /// </summary>
    public static WebApplication MapRoseBackoffice(this WebApplication app)
    {
        app.Map(PathBase, backoffice =>
        {
            backoffice.UseMiddleware<BackofficeSecurityHeadersMiddleware>();
            // The pages answer 404 and 403 with a page in words; the API's problem-details bodies are not for people.
            backoffice.Use((context, next) =>
            {
                if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
                {
                    statusCodePages.Enabled = false;
                }

                return next(context);
            });
            backoffice.UseRouting();
            backoffice.UseAuthentication();
            backoffice.UseMiddleware<BackofficeTenantMiddleware>();
            backoffice.UseAuthorization();
            backoffice.UseRateLimiter();
            backoffice.UseAntiforgery();
            backoffice.UseEndpoints(endpoints =>
            {
                endpoints.MapStaticAssets();
                endpoints.MapRazorComponents<App>().AddInteractiveServerRenderMode();
                endpoints.MapPost("/logout", async (SignInManager<BackofficeUser> signIn, [FromForm] string? returnUrl) =>
                {
                    await signIn.SignOutAsync();
                    return TypedResults.LocalRedirect($"{PathBase}/login");
                }).WithName("BackofficeSignOut").WithSummary("Signs the backoffice user out.");
                endpoints.MapGet("/conversations.csv", (HttpContext context, ConversationReports reports,
                        string? from, string? to, string? answered, string? email, string? company, string? origin, string? q) =>
                        ConversationExport.WriteAsync(context, reports, new ConversationQuery(from, to, answered, email, company, origin, q)))
                    .RequireAuthorization()
                    .WithName("BackofficeExportConversations")
                    .WithSummary("The filtered conversation list of the signed-in user's tenant as CSV.");
                endpoints.MapGet("/leads.csv", (HttpContext context, Rose.Tagging.RankedLeads leads, string? minScore, string? intent, string? from, string? to, string? email) =>
                        LeadExport.WriteAsync(context, leads, new LeadQuery(minScore, intent, from, to, email)))
                    .RequireAuthorization()
                    .WithName("BackofficeExportLeads")
                    .WithSummary("The filtered leads of the signed-in user's tenant, hottest first, as CSV.");
                endpoints.MapPost("/tenant", SwitchTenant)
                    .RequireAuthorization()
                    .WithName("BackofficeSwitchTenant")
                    .WithSummary("Chooses which of the signed-in user's tenants the pages show.");
            });
        });
        return app;
    }

    /// <summary>Only a tenant the user is a member of can be chosen; any other id is ignored and the current tenant stays.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.RedirectHttpResult SwitchTenant(HttpContext context, BackofficeSession session, [FromForm] string tenantId)
    {
        if (session.Memberships.Any(m => m.TenantId == tenantId))
        {
            context.Response.Cookies.Append(BackofficeTenantMiddleware.TenantCookie, tenantId, new CookieOptions
            {
                Path = PathBase, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, MaxAge = TimeSpan.FromDays(30),
            });
        }

        return TypedResults.LocalRedirect(PathBase + "/");
    }
}
