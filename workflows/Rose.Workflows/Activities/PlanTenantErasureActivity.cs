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
/// apps (asked through <see cref="TenantErasureRoutes.List"/>). First the erasers that run in every app
/// (each process's cache of the tenant, so that no app accepts its keys while its data goes), then each
/// other name once (apps that compose the same module share its tables), the eraser that removes the
/// tenant itself last.
/// </summary>
public sealed class PlanTenantErasureActivity(
    IServiceScopeFactory scopes, IOptions<PlatformOptions> platform, IServiceInvoker invoker, IHostApplicationLifetime lifetime)
    : WorkflowActivity<TenantOffboardingInput, TenantErasureStep[]>
{
    /// <summary>The apps that may hold tenant data besides the worker; the gateway stores none of its own.</summary>
    internal static readonly string[] OtherApps = [AppIds.Search, AppIds.Backoffice, AppIds.Admin];

    public override async Task<TenantErasureStep[]> RunAsync(WorkflowActivityContext context, TenantOffboardingInput input)
    {
        var held = new List<(TenantEraserInfo Eraser, string? AppId)>();
        await using (var scope = scopes.CreateAsyncScope())
        {
            held.AddRange(scope.ServiceProvider.GetServices<ITenantDataEraser>().Select(e => (new TenantEraserInfo(e.Name, e.ErasesTheTenant, e.RunsInEveryApp), (string?)null)));
        }

        if (platform.Value.Runtime == PlatformRuntime.Dapr)
        {
            foreach (var appId in OtherApps)
            {
                var listed = await invoker.CreateClient(appId).GetFromJsonAsync<TenantErasersResponse>(TenantErasureRoutes.List, PlatformJson.Options, lifetime.ApplicationStopping)
                    ?? throw new InvalidOperationException($"The app '{appId}' did not list its tenant-data erasers.");
                held.AddRange(listed.Erasers.Select(e => (e, (string?)appId)));
            }
        }

        var everyApp = held.Where(h => h.Eraser.RunsInEveryApp);
        var once = held.Where(h => !h.Eraser.RunsInEveryApp).DistinctBy(h => h.Eraser.Name, StringComparer.Ordinal).ToList();
        return
        [
            .. everyApp.Concat(once.Where(h => !h.Eraser.ErasesTheTenant)).Concat(once.Where(h => h.Eraser.ErasesTheTenant))
                .Select(h => new TenantErasureStep(input.TenantId, h.Eraser.Name, h.AppId)),
        ];
    }
}
