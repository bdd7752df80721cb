using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rose.Platform.Dapr;
using Rose.Storage;

namespace Rose.Platform.Erasure;

/// <summary>Serves <see cref="TenantErasureRoutes"/> on the Dapr runtime, to the sidecar only.</summary>
internal static class TenantErasureEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(TenantErasureRoutes.Prefix)
            .WithMetadata(SidecarOnlyMetadata.Instance)
            .WithTags("Tenant erasure (service invocation)");
        group.MapGet("/", (IEnumerable<ITenantDataEraser> erasers) =>
                TypedResults.Ok(new TenantErasersResponse([.. erasers.Select(e => new TenantEraserInfo(e.Name, e.ErasesTheTenant, e.RunsInEveryApp))])))
            .WithName("ListTenantErasers")
            .WithSummary("The tenant-data erasers this app holds.");
        group.MapPost("/{eraser}/tenants/{tenantId}", EraseAsync)
            .WithName("EraseTenantData")
            .WithSummary("Removes what one eraser of this app holds for a tenant (idempotent).");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> EraseAsync(
        string eraser, string tenantId, IEnumerable<ITenantDataEraser> erasers, CancellationToken cancellationToken)
    {
        if (!TenantIds.IsValid(tenantId))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid tenant", detail: $"'{tenantId}' is not a valid tenant id.");
        }

        var found = erasers.FirstOrDefault(e => e.Name == eraser);
        if (found is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown eraser", detail: $"This app holds no tenant-data eraser named '{eraser}'.");
        }

        await found.EraseAsync(tenantId, cancellationToken);
        return TypedResults.NoContent();
    }
}
