using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rose.Backoffice.Pages.Accounts;
using Rose.Backoffice.Pages.Components;

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
            backoffice.UseRouting();
            backoffice.UseAuthentication();
            backoffice.UseMiddleware<BackofficeTenantMiddleware>();
            backoffice.UseAuthorization();
            backoffice.UseRateLimiter();
            backoffice.UseAntiforgery();
            backoffice.UseEndpoints(endpoints =>
            {
                endpoints.MapStaticAssets();
                endpoints.MapRazorComponents<App>();
                endpoints.MapPost("/logout", async (SignInManager<BackofficeUser> signIn, [FromForm] string? returnUrl) =>
                {
                    await signIn.SignOutAsync();
                    return TypedResults.LocalRedirect($"{PathBase}/login");
                }).WithName("BackofficeSignOut").WithSummary("Signs the backoffice user out.");
            });
        });
        return app;
    }
}
