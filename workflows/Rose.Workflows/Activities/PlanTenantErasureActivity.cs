using System.Net.Http.Json;
using Dapr.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Rose.Platform;
using Rose.Platform.Erasure;
using Rose.Platform.Invocation;
using Rose.Workflows.Models;

namespace Rose.Workflows.Activities;

/// <summary>
/// Which erasers an off-boarding runs, and where: this process's own, and on Dapr those of the other
/// apps (asked through <see cref="TenantErasureRoutes.List"/>), each name once (apps that compose the
/// same module share its tables), the eraser that removes the tenant itself last.
/// </summary>
public sealed class PlanTenantErasureActivity(
    IServiceScopeFactory scopes, IOptions<PlatformOptions> platform, IServiceInvoker invoker, IHostApplicationLifetime lifetime)
    : WorkflowActivity<TenantOffboardingInput, TenantErasureStep[]>
{
    /// <summary>The apps that may hold tenant data besides the worker; the gateway holds only what they hold too (tenancy, outbox).</summary>
    internal static readonly string[] OtherApps = [AppIds.Search, AppIds.Backoffice, AppIds.Admin];

    public override async Task<TenantErasureStep[]> RunAsync(WorkflowActivityContext context, TenantOffboardingInput input)
    {
        var steps = new List<(TenantErasureStep Step, bool Last)>();
        await using (var scope = scopes.CreateAsyncScope())
        {
            foreach (var eraser in scope.ServiceProvider.GetServices<ITenantDataEraser>())
            {
                steps.Add((new TenantErasureStep(input.TenantId, eraser.Name, null), eraser.ErasesTheTenant));
            }
        }

        if (platform.Value.Runtime == PlatformRuntime.Dapr)
        {
            foreach (var appId in OtherApps)
            {
                var held = await invoker.CreateClient(appId).GetFromJsonAsync<TenantErasersResponse>(TenantErasureRoutes.List, PlatformJson.Options, lifetime.ApplicationStopping)
                    ?? throw new InvalidOperationException($"The app '{appId}' did not list its tenant-data erasers.");
                foreach (var eraser in held.Erasers.Where(e => steps.All(s => s.Step.Eraser != e.Name)))
                {
                    steps.Add((new TenantErasureStep(input.TenantId, eraser.Name, appId), eraser.ErasesTheTenant));
                }
            }
        }

        var distinct = steps.DistinctBy(s => s.Step.Eraser, StringComparer.Ordinal).ToList();
        return [.. distinct.Where(s => !s.Last).Concat(distinct.Where(s => s.Last)).Select(s => s.Step)];
    }
}
