using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rose.Geo.Runs;
using Rose.Geo.Settings;
using Rose.Storage;
using Rose.Tenancy;
using Rose.Tenancy.Http;

namespace Rose.Geo.Api;

/// <summary>GEO runs for client staff (<c>/api/v1/geo</c>, management API key) and Rose staff (<c>/admin/v1/tenants/{id}/geo</c>, staff key).</summary>
public static class GeoEndpoints
{
    public static IEndpointRouteBuilder MapGeoApi(this IEndpointRouteBuilder routes)
    {
        var geo = routes.MapGroup("/api/v1/geo").RequireApiKey().WithTags("GEO");

        geo.MapPost("/runs", async (GeoRuns runs, CancellationToken ct) =>
            {
                var instanceId = await runs.StartAsync(GeoRunTriggers.Staff, null, ct);
                return TypedResults.Accepted($"/api/v1/geo/runs/{instanceId}", new StartedGeoRun(instanceId));
            })
            .WithName("StartGeoRun")
            .WithSummary("Starts a GEO run: collect the last period's visitor questions, cluster, draft, then wait for the review.");

        geo.MapGet("/runs", async (int? limit, GeoRuns runs, CancellationToken ct) => TypedResults.Ok(await runs.ListAsync(limit ?? 20, ct)))
            .WithName("ListGeoRuns")
            .WithSummary("The tenant's GEO runs, newest first.");

        geo.MapGet("/runs/{instanceId}", async Task<Results<Ok<GeoRunView>, ProblemHttpResult>> (string instanceId, GeoRuns runs, CancellationToken ct) =>
                await runs.FindAsync(instanceId, ct) is { } run ? TypedResults.Ok(run) : NoSuchRun())
            .WithName("GetGeoRun")
            .WithSummary("A GEO run: its status, its pages with their answers, citations and states, and the content gaps.");

        geo.MapPost("/runs/{instanceId}/review", async Task<Results<Accepted, ProblemHttpResult, ValidationProblem>> (
                string instanceId, GeoReview? review, GeoRuns runs, CancellationToken ct) =>
            {
                if (review?.Decisions is null)
                {
                    return Invalid("decisions", "Send {decisions: [{pageId, action: approve|edit|reject, answer?}]}.");
                }

                try
                {
                    return await runs.ReviewAsync(instanceId, review, ct) ? TypedResults.Accepted($"/api/v1/geo/runs/{instanceId}") : NoSuchRun();
                }
                catch (GeoReviewException e)
                {
                    return Invalid(e.Field, e.Message);
                }
            })
            .WithName("ReviewGeoRun")
            .WithSummary("Approves, edits or rejects drafted pages; the run publishes once every page is decided.");

        geo.MapGet("/pages", async (GeoRuns runs, CancellationToken ct) => TypedResults.Ok(await runs.PagesAsync(ct)))
            .WithName("ListGeoPages")
            .WithSummary("The tenant's published (and unpublished) GEO pages with their IndexNow status.");

        geo.MapGet("/settings", async (GeoTenantSettingsStore settings, CancellationToken ct) => TypedResults.Ok(await settings.GetAsync(ct)))
            .WithName("GetGeoSettings")
            .WithSummary("The tenant's GEO settings in force (its own, else the defaults).")
            .WithDescription("minConversations: a cluster of visitor questions becomes a page only when asked in at least this many distinct conversations (default 2).");

        geo.MapPut("/settings", async Task<Results<Ok<GeoSettingsView>, ValidationProblem>> (GeoSettingsView? body, GeoTenantSettingsStore settings, CancellationToken ct) =>
            {
                if (body is null)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["minConversations"] = ["Send {minConversations: n} (null for the default)."] }, title: "The GEO settings are not valid");
                }

                try
                {
                    return TypedResults.Ok(await settings.SetAsync(body, ct));
                }
                catch (GeoSettingsValidationException e)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Field] = [e.Message] }, title: "The GEO settings are not valid");
                }
            })
            .WithName("SetGeoSettings")
            .WithSummary("Sets the tenant's GEO settings; the next run's cluster step reads them.");
        return routes;
    }

    public static IEndpointRouteBuilder MapGeoAdminApi(this IEndpointRouteBuilder routes)
    {
        var geo = routes.MapGroup("/admin/v1/tenants/{tenantId}/geo").RequireStaffKey().WithTags("GEO (staff)");

        geo.MapPost("/republish", async Task<Results<Accepted<StartedGeoRun>, ProblemHttpResult>> (
                string tenantId, TenantDirectory directory, ICurrentTenant currentTenant, GeoRuns runs, CancellationToken ct) =>
            {
                if (!TenantIds.IsValid(tenantId) || await directory.FindByIdAsync(tenantId, ct) is null)
                {
                    return NoSuchTenant();
                }

                using (currentTenant.Use(tenantId))
                {
                    var instanceId = await runs.StartAsync(GeoRunTriggers.Staff, null, ct);
                    return TypedResults.Accepted($"/admin/v1/tenants/{tenantId}/geo/runs/{instanceId}", new StartedGeoRun(instanceId));
                }
            })
            .WithName("RepublishGeo")
            .WithSummary("Starts a GEO run for the tenant, as the weekly job does.");

        geo.MapGet("/runs/{instanceId}", async Task<Results<Ok<GeoRunView>, ProblemHttpResult>> (
                string tenantId, string instanceId, TenantDirectory directory, ICurrentTenant currentTenant, GeoRuns runs, CancellationToken ct) =>
            {
                if (!TenantIds.IsValid(tenantId) || await directory.FindByIdAsync(tenantId, ct) is null)
                {
                    return NoSuchTenant();
                }

                using (currentTenant.Use(tenantId))
                {
                    return await runs.FindAsync(instanceId, ct) is { } run ? TypedResults.Ok(run) : NoSuchRun();
                }
            })
            .WithName("GetGeoRunAsStaff")
            .WithSummary("A tenant's GEO run: status, pages and content gaps.");
        return routes;
    }

    private static ProblemHttpResult NoSuchRun() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such GEO run", detail: "This tenant has no GEO run with this instance id.");

    private static ProblemHttpResult NoSuchTenant() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such tenant");

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The review is not valid");
}
