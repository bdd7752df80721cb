using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rose.Tenancy.Http;

namespace Rose.Tenancy.Endpoints;

public static class TenancyEndpoints
{
    /// <summary>For the tenant's own staff: <c>/api/v1/tenant</c>, authenticated by the management API key.</summary>
    public static IEndpointRouteBuilder MapTenantManagementApi(this IEndpointRouteBuilder routes)
    {
        var tenant = routes.MapGroup("/api/v1/tenant")
            .RequireApiKey()
            .AddEndpointFilter<TenantValidationFilter>()
            .WithTags("Tenant");

        tenant.MapGet("/", async (TenantAdministration admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.GetCurrentAsync(ct)));

        tenant.MapPut("/widget", async Task<Results<Ok<TenantProfile>, ValidationProblem>> (WidgetSettingsView widget, TenantAdministration admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.UpdateWidgetAsync(widget, ct)));

        tenant.MapPut("/allowed-origins", async (AllowedOriginsRequest request, TenantAdministration admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.SetAllowedOriginsAsync(request.AllowedOrigins ?? [], ct)));

        tenant.MapPost("/api-key", async (TenantAdministration admin, CancellationToken ct) =>
            TypedResults.Ok(new ApiKeyResponse(await admin.RotateApiKeyAsync(null, ct))));
        return routes;
    }

    /// <summary>For Rose staff: <c>/admin/v1/tenants</c>, authenticated by <c>Rose:Admin:ApiKey</c>.</summary>
    public static IEndpointRouteBuilder MapTenantAdminApi(this IEndpointRouteBuilder routes)
    {
        var tenants = routes.MapGroup("/admin/v1/tenants")
            .RequireStaffKey()
            .AddEndpointFilter<TenantValidationFilter>()
            .WithTags("Tenants (staff)");

        tenants.MapPost("/", async (NewTenant request, TenantAdministration admin, CancellationToken ct) =>
        {
            var created = await admin.CreateAsync(request, ct);
            return TypedResults.Created($"/admin/v1/tenants/{created.Tenant.TenantId}", created);
        });

        tenants.MapGet("/{tenantId}", async Task<Results<Ok<TenantProfile>, NotFound>> (string tenantId, TenantDirectory directory, CancellationToken ct) =>
            await directory.FindByIdAsync(tenantId, ct) is { } profile ? TypedResults.Ok(profile) : TypedResults.NotFound());
        return routes;
    }
}
