using Dapr.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rose.Platform.Erasure;
using Rose.Platform.Invocation;
using Rose.Workflows.Models;

namespace Rose.Workflows.Activities;

/// <summary>Runs one eraser of an off-boarding, here or in the app that holds it; idempotent, so a retry or a replay is harmless.</summary>
public sealed class EraseTenantDataActivity(IServiceScopeFactory scopes, IServiceInvoker invoker, IHostApplicationLifetime lifetime)
    : WorkflowActivity<TenantErasureStep, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, TenantErasureStep input)
    {
        if (input.AppId is { } appId)
        {
            using var response = await invoker.CreateClient(appId).PostAsync(TenantErasureRoutes.Erase(input.Eraser, input.TenantId), content: null, lifetime.ApplicationStopping);
            if (!response.IsSuccessStatusCode)
            {
                var detail = await response.Content.ReadAsStringAsync(lifetime.ApplicationStopping);
                throw new HttpRequestException($"The app '{appId}' could not run the eraser '{input.Eraser}': {(int)response.StatusCode} {detail}", null, response.StatusCode);
            }

            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        var eraser = scope.ServiceProvider.GetServices<ITenantDataEraser>().FirstOrDefault(e => e.Name == input.Eraser)
            ?? throw new InvalidOperationException($"This app holds no tenant-data eraser named '{input.Eraser}'.");
        await eraser.EraseAsync(input.TenantId, lifetime.ApplicationStopping);
        return true;
    }
}
