using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rose.Backoffice.Pages.Accounts;
using Rose.Chat.Reports;
using Rose.Storage;
using Rose.Platform.Erasure;

namespace Rose.Backoffice.Pages;

public static class BackofficeServiceCollectionExtensions
{
    /// <summary>
    /// The client team's dashboard at <c>/backoffice</c>: Blazor pages (static server rendering),
    /// Identity accounts with tenant memberships, cookie sign-in and the Data Protection key ring
    /// stored in the accounts database. Needs Rose.Tenancy and the chat records added before it.
    /// </summary>
    public static WebApplicationBuilder AddRoseBackoffice(this WebApplicationBuilder builder)
    {
        // The stylesheet and blazor.web.js come from the class library and the framework as static web
        // assets. A published app has them in wwwroot; a built one (dotnet run, the tests' hosts, any
        // environment) finds them through the build's manifest, which only Development reads by itself.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRoseBackoffice(builder.Configuration);
        return builder;
    }

    private static IServiceCollection AddRoseBackoffice(this IServiceCollection services, IConfiguration configuration)
    {
        if (!services.Any(d => d.ServiceType == typeof(ConversationReports)))
        {
            throw new InvalidOperationException(
                "The backoffice pages need Rose.Chat's records: call AddRoseChat(configuration) or AddRoseChatRecords() before AddRoseBackoffice.");
        }

        services.AddRoseStorage(configuration);
        services.AddRoseAccountsDbContext<BackofficeAccountsDbContext, BackofficeAccountsSqliteDbContext, BackofficeAccountsPostgresDbContext>(
            BackofficeAccountsDbContext.Module);
        services.AddTenantDataEraser<BackofficeTenantErasure>();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(cookie =>
            {
                // Paths are relative to /backoffice, where the pages are mapped.
                cookie.LoginPath = "/login";
                cookie.LogoutPath = "/logout";
                cookie.AccessDeniedPath = "/forbidden";
                cookie.Cookie.Name = "rose-backoffice";
                cookie.Cookie.Path = BackofficeEndpointExtensions.PathBase;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
            }));
        services.AddAuthorizationBuilder().AddPolicy(OwnerRequirement.Policy, policy => policy.RequireAuthenticatedUser().AddRequirements(new OwnerRequirement()));
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, OwnerAuthorizationHandler>();
        services.AddIdentityCore<BackofficeUser>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 12;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<BackofficeAccountsDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        // A password change renews the security stamp; checking it every minute signs the old cookies out everywhere.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddDataProtection().SetApplicationName("rose").PersistKeysToDbContext<BackofficeAccountsDbContext>();
        services.AddRateLimiter(limits => limits.AddPolicy(SignInRateLimitPolicy.Name, new SignInRateLimitPolicy()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<BackofficeAccounts>();
        services.TryAddScoped<BackofficeSession>();
        services.TryAddScoped<TeamInvitations>();
        services.TryAddScoped<PasswordResets>();
        services.TryAddScoped<SentMailbox>();
        services.TryAddSingleton<BackofficeAddress>();
        services.AddRoseBackofficeMail(configuration);
        return services;
    }

    /// <summary>
    /// The backoffice's e-mail: through <c>Rose:Email:Smtp</c> (checked on start) when its host is set,
    /// otherwise to the log and the owners' Sent mail page.
    /// </summary>
    private static IServiceCollection AddRoseBackofficeMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpMailOptions>().Bind(configuration.GetSection(SmtpMailOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmtpMailOptions>, SmtpMailOptionsValidator>());
        services.TryAddScoped<IBackofficeMail>(provider => provider.GetRequiredService<IOptions<SmtpMailOptions>>().Value.IsConfigured
            ? ActivatorUtilities.CreateInstance<SmtpBackofficeMail>(provider)
            : ActivatorUtilities.CreateInstance<OfflineBackofficeMail>(provider));
        return services;
    }
}
