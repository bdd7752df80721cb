using Dapr.Workflow;
using Microsoft.Extensions.Logging;
using Rose.Workflows.Activities;
using Rose.Workflows.Models;

namespace Rose.Workflows.Workflows;

/// <summary>
/// Erases a disabled tenant: plans the steps (every tenant-data eraser of every app, the one that
/// removes the tenant itself last), then runs one activity per eraser. Each eraser is idempotent, so
/// a worker that restarts replays the finished steps from history and runs the interrupted one again.
/// Deterministic: the plan is an activity's result, all I/O happens in the activities.
/// </summary>
public sealed class TenantOffboardingWorkflow : Workflow<TenantOffboardingInput, TenantOffboardingResult>
{
    /// <summary>Covers a database or an app that is briefly away; a longer outage fails the instance, and DELETE starts it again.</summary>
    private static readonly WorkflowTaskOptions Retry = new(new WorkflowRetryPolicy(
        maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2));

    public override async Task<TenantOffboardingResult> RunAsync(WorkflowContext context, TenantOffboardingInput input)
    {
        var logger = context.CreateReplaySafeLogger<TenantOffboardingWorkflow>();
        var plan = await context.CallActivityAsync<TenantErasureStep[]>(nameof(PlanTenantErasureActivity), input, Retry);
        for (var i = 0; i < plan.Length; i++)
        {
            context.SetCustomStatus(new TenantOffboardingProgress(i, plan.Length, plan[i].Eraser));
            await context.CallActivityAsync<bool>(nameof(EraseTenantDataActivity), plan[i], Retry);
        }

        context.SetCustomStatus(new TenantOffboardingProgress(plan.Length, plan.Length, null));
        logger.LogInformation("Tenant {TenantId} off-boarded: {Count} erasers ran", input.TenantId, plan.Length);
        return new TenantOffboardingResult(input.TenantId, [.. plan.Select(s => s.Eraser)]);
    }
}
