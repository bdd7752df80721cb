using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Rose.Storage;
using Rose.Tenancy;
using Rose.Tenancy.Http;

namespace Rose.Geo.Site.Hostnames;

/// <summary>Rose staff's API for a tenant's custom hostnames: <c>/admin/v1/tenants/{tenantId}/hostnames</c>.</summary>
public static class HostnameEndpoints
{
    internal static IEndpointRouteBuilder MapGeoHostnameAdmin(this IEndpointRouteBuilder routes)
    {
        var hostnames = routes.MapGroup("/admin/v1/tenants/{tenantId}/hostnames")
            .RequireStaffKey()
            .WithTags("Custom hostnames (staff)");

        hostnames.MapGet("/", ListAsync)
            .WithName("ListTenantHostnames")
            .WithSummary("A tenant's custom hostnames")
            .WithDescription("Each with its status (pending or verified), token, the TXT record and HTTP file that prove control, and the last check.");
        hostnames.MapPost("/", AddAsync)
            .WithName("AddTenantHostname")
            .WithSummary("Add a custom hostname and get its verification token")
            .WithDescription("Put the token in a TXT record _rose-challenge.{hostname}, or serve it as the HTTP challenge file, then call verify. A hostname belongs to one tenant.");
        hostnames.MapPost("/{hostname}/verify", VerifyAsync)
            .WithName("VerifyTenantHostname")
            .WithSummary("Check a custom hostname's token now")
            .WithDescription("Looks for the token in DNS, then over HTTP. Only verified hostnames serve the tenant's GEO site; they are rechecked hourly.");
        hostnames.MapDelete("/{hostname}", DeleteAsync)
            .WithName("DeleteTenantHostname")
            .WithSummary("Stop serving the tenant's GEO site on a hostname");
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<HostnameView>>, NotFound<ProblemDetails>>> ListAsync(
        string tenantId, TenantDirectory tenants, HostnameAdministration admin, CancellationToken ct) =>
        await TenantExistsAsync(tenantId, tenants, ct)
            ? TypedResults.Ok(await admin.ListAsync(tenantId, ct))
            : NoSuchTenant(tenantId);

    private static async Task<Results<Created<HostnameView>, Ok<HostnameView>, ValidationProblem, Conflict<ProblemDetails>, NotFound<ProblemDetails>>> AddAsync(
        string tenantId, AddHostnameRequest request, TenantDirectory tenants, HostnameAdministration admin, CancellationToken ct)
    {
        if (!await TenantExistsAsync(tenantId, tenants, ct))
        {
            return NoSuchTenant(tenantId);
        }

        var host = HostnameNames.Normalize(request.Hostname);
        if (host is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["hostname"] = ["Use a DNS name such as faq.example.com: no scheme, port, path, IP address or wildcard."] },
                title: "Invalid hostname");
        }

        var (outcome, view) = await admin.AddAsync(tenantId, host, ct);
        return outcome switch
        {
            AddHostnameOutcome.Created => TypedResults.Created($"/admin/v1/tenants/{tenantId}/hostnames/{host}", view!),
            AddHostnameOutcome.Existing => TypedResults.Ok(view!),
            _ => TypedResults.Conflict(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Hostname taken",
                Detail = $"{host} belongs to another tenant.",
                Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
            }),
        };
    }

    private static async Task<Results<Ok<HostnameView>, NotFound<ProblemDetails>>> VerifyAsync(
        string tenantId, string hostname, TenantDirectory tenants, HostnameAdministration admin, CancellationToken ct)
    {
        var host = HostnameNames.Normalize(hostname);
        if (host is null || !await TenantExistsAsync(tenantId, tenants, ct))
        {
            return NoSuchHostname(tenantId, hostname);
        }

        var view = await admin.VerifyAsync(tenantId, host, ct);
        return view is null ? NoSuchHostname(tenantId, host) : TypedResults.Ok(view);
    }

    private static async Task<Results<NoContent, NotFound<ProblemDetails>>> DeleteAsync(
        string tenantId, string hostname, TenantDirectory tenants, HostnameAdministration admin, CancellationToken ct)
    {
        var host = HostnameNames.Normalize(hostname);
        return host is not null && await TenantExistsAsync(tenantId, tenants, ct) && await admin.DeleteAsync(tenantId, host, ct)
            ? TypedResults.NoContent()
            : NoSuchHostname(tenantId, hostname);
    }

    private static async Task<bool> TenantExistsAsync(string tenantId, TenantDirectory tenants, CancellationToken ct) =>
        TenantIds.IsValid(tenantId) && await tenants.FindByIdAsync(tenantId, ct) is not null;

    private static NotFound<ProblemDetails> NoSuchTenant(string tenantId) => TypedResults.NotFound(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "No such tenant",
        Detail = $"There is no tenant {tenantId}.",
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
    });

    private static NotFound<ProblemDetails> NoSuchHostname(string tenantId, string hostname) => TypedResults.NotFound(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "No such hostname",
        Detail = $"Tenant {tenantId} has no hostname {hostname}.",
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
    });
}
