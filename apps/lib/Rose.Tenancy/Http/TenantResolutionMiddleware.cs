using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Rose.Storage;

namespace Rose.Tenancy.Http;

/// <summary>
/// Resolves the caller of endpoints marked with a <see cref="CallerRequirement"/> and sets the
/// current tenant for the rest of the request. Unknown or malformed keys get 401, a widget call
/// from an origin the tenant did not allow gets 403; both as problem details, never a 500.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    public const string PublicKeyHeader = "X-Rose-Key";

    public async Task InvokeAsync(
        HttpContext context,
        TenantDirectory directory,
        ICurrentTenant currentTenant,
        IOptions<StaffAccessOptions> staff,
        IProblemDetailsService problems)
    {
        var requirement = context.GetEndpoint()?.Metadata.GetMetadata<CallerRequirement>();
        if (requirement is null)
        {
            await next(context);
            return;
        }

        var ct = context.RequestAborted;
        switch (requirement.Kind)
        {
            case CallerKind.Staff:
                if (!IsStaff(context, staff.Value))
                {
                    await RejectAsync(context, problems, StatusCodes.Status401Unauthorized, "Staff key required",
                        "Send Authorization: Bearer with Rose's staff API key.", bearer: true);
                    return;
                }

                await next(context);
                return;

            case CallerKind.Management:
                var apiKey = context.Request.BearerToken();
                var owner = apiKey is null ? null : await directory.FindByApiKeyAsync(apiKey, ct);
                if (owner is null)
                {
                    await RejectAsync(context, problems, StatusCodes.Status401Unauthorized, "Invalid API key",
                        "Send Authorization: Bearer with your management API key (rk_…).", bearer: true);
                    return;
                }

                await ContinueAsAsync(context, currentTenant, owner);
                return;

            default:
                string? publicKey = context.Request.Headers[PublicKeyHeader];
                publicKey ??= context.Request.Query["key"];
                var tenant = publicKey is null ? null : await directory.FindByPublicKeyAsync(publicKey, ct);
                if (tenant is null)
                {
                    await RejectAsync(context, problems, StatusCodes.Status401Unauthorized, "Invalid widget key",
                        $"Send the widget's public key (pk_…) in the {PublicKeyHeader} header or the key query parameter.");
                    return;
                }

                string? origin = context.Request.Headers[HeaderNames.Origin];
                if (!string.IsNullOrEmpty(origin) && !tenant.AllowsOrigin(origin))
                {
                    await RejectAsync(context, problems, StatusCodes.Status403Forbidden, "Origin not allowed",
                        "This site is not among the origins allowed for this widget key.");
                    return;
                }

                await ContinueAsAsync(context, currentTenant, tenant);
                return;
        }
    }

    private async Task ContinueAsAsync(HttpContext context, ICurrentTenant currentTenant, TenantProfile tenant)
    {
        context.Items[typeof(TenantProfile)] = tenant;
        using (currentTenant.Use(tenant.TenantId))
        {
            await next(context);
        }
    }

    private static bool IsStaff(HttpContext context, StaffAccessOptions options)
    {
        var presented = context.Request.BearerToken();
        if (string.IsNullOrEmpty(options.ApiKey) || presented is null)
        {
            return false;
        }

        // Compare digests so that neither length nor content leaks through timing.
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(options.ApiKey)));
    }

    private static async Task RejectAsync(HttpContext context, IProblemDetailsService problems, int status, string title, string detail, bool bearer = false)
    {
        context.Response.StatusCode = status;
        if (bearer)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = title,
                Detail = detail,
                Type = $"https://tools.ietf.org/html/rfc9110#section-15.5.{(status == 401 ? 2 : 4)}",
            },
        });
    }
}
