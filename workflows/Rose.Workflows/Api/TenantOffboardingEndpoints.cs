using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rose.Platform.Workflows;
using Rose.Storage;
using Rose.Tenancy;
using Rose.Tenancy.Http;
using Rose.Workflows.Models;
using Rose.Workflows.Workflows;

namespace Rose.Workflows.Api;

/// <summary>
/// For Rose staff: <c>DELETE /admin/v1/tenants/{tenantId}</c> off-boards a tenant (disabled at once,
/// erased by <see cref="TenantOffboardingWorkflow"/>), <c>GET …/offboarding</c> follows it. One
/// instance per tenant (<c>{tenantId}_offboarding</c>), so a repeated DELETE, or two at once, answers
/// the same 202 and instance.
/// </summary>
public static class TenantOffboardingEndpoints
{
    public const string LocalId = "offboarding";

    private static readonly SemaphoreSlim Scheduling = new(1, 1);

    public static string InstanceIdFor(string tenantId) => WorkflowInstanceIds.Compose(tenantId, LocalId);

    public static string StatusUrl(string tenantId) => $"/admin/v1/tenants/{tenantId}/offboarding";

    public static IEndpointRouteBuilder MapTenantOffboardingApi(this IEndpointRouteBuilder routes)
    {
        var tenants = routes.MapGroup("/admin/v1/tenants")
            .RequireStaffKey()
            .WithTags("Tenants (staff)");
        tenants.MapDelete("/{tenantId}", OffboardAsync)
            .WithName("OffboardTenant")
            .WithSummary("Off-boards a tenant: disables it at once and erases all its data")
            .WithDescription("Refuses the tenant's widget key, API key and backoffice logins at once, then erases every row, chunk, vector, graph node, state key, outbox entry and blob of it in a workflow. 202 with the instance; repeating it, even concurrently, answers the same 202 and instance (and resumes one that failed).");
        tenants.MapGet("/{tenantId}/offboarding", GetStatusAsync)
            .WithName("GetTenantOffboarding")
            .WithSummary("Where a tenant's off-boarding stands")
            .WithDescription("offboarding (with the erasers done so far), offboarded, or failed (DELETE again to resume).");
        return routes;
    }

    private static async Task<Results<Accepted<TenantOffboardingAccepted>, ProblemHttpResult>> OffboardAsync(
        string tenantId, TenantAdministration tenants, IWorkflowScheduler workflows, CancellationToken cancellationToken)
    {
        if (!TenantIds.IsValid(tenantId))
        {
            return NoSuchTenant(tenantId);
        }

        var instanceId = InstanceIdFor(tenantId);
        var accepted = TypedResults.Accepted(StatusUrl(tenantId), new TenantOffboardingAccepted(tenantId, instanceId, StatusUrl(tenantId)));
        var disabled = await tenants.DisableForOffboardingAsync(tenantId, cancellationToken);

        // In this process one DELETE at a time looks for the instance and schedules it; between replicas,
        // ScheduleOnceAsync settles the race.
        await Scheduling.WaitAsync(cancellationToken);
        try
        {
            var existing = await workflows.GetStatusAsync(instanceId, cancellationToken);
            if (!disabled)
            {
                // The tenant is gone: off-boarded already (the same answer as the first time) or never there.
                return existing is null ? NoSuchTenant(tenantId) : accepted;
            }

            if (existing is not { IsFinished: false })
            {
                // First time, or a run that failed or was stopped: every eraser is idempotent, so it starts over.
                await ScheduleOnceAsync(tenantId, instanceId, workflows, cancellationToken);
            }
        }
        finally
        {
            Scheduling.Release();
        }

        return accepted;
    }

    /// <summary>
    /// Two DELETEs at once both find no instance and both schedule it; the one that loses finds the
    /// winner's instance and gets the same 202 (the operator asked for one off-boarding, and it runs).
    /// </summary>
    private static async Task ScheduleOnceAsync(string tenantId, string instanceId, IWorkflowScheduler workflows, CancellationToken cancellationToken)
    {
        try
        {
            await workflows.ScheduleAsync<TenantOffboardingWorkflow>(tenantId, new TenantOffboardingInput(tenantId), LocalId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (await workflows.GetStatusAsync(instanceId, cancellationToken) is not { IsFinished: false })
            {
                throw;
            }
        }
    }

    private static async Task<Results<Ok<TenantOffboardingStatus>, ProblemHttpResult>> GetStatusAsync(
        string tenantId, IWorkflowScheduler workflows, CancellationToken cancellationToken)
    {
        if (!TenantIds.IsValid(tenantId) || await workflows.GetStatusAsync(InstanceIdFor(tenantId), cancellationToken) is not { } status)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No off-boarding", detail: $"Tenant '{tenantId}' has no off-boarding on record.");
        }

        var progress = status.ReadCustomStatusAs<TenantOffboardingProgress>();
        var result = status.Status == WorkflowRunStatus.Completed ? status.ReadOutputAs<TenantOffboardingResult>() : null;
        var state = status.Status switch
        {
            WorkflowRunStatus.Completed => TenantOffboardingStatus.Offboarded,
            WorkflowRunStatus.Failed or WorkflowRunStatus.Terminated => TenantOffboardingStatus.Failed,
            _ => TenantOffboardingStatus.Offboarding,
        };
        var total = result?.Erased.Count ?? progress?.Total ?? 0;
        return TypedResults.Ok(new TenantOffboardingStatus(
            tenantId, status.InstanceId, state, result?.Erased.Count ?? progress?.Done ?? 0, total, result?.Erased ?? [], status.FailureMessage));
    }

    private static ProblemHttpResult NoSuchTenant(string tenantId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such tenant", detail: $"There is no tenant '{tenantId}'.");
}
