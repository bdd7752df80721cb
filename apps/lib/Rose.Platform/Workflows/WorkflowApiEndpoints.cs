using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rose.Platform.Dapr;
using Rose.Storage;

namespace Rose.Platform.Workflows;

/// <summary>
/// Serves <see cref="WorkflowApiRoutes"/> in the app that hosts the workflows (the worker), for
/// the sidecar only: the calls come from other apps through service invocation, which daprd
/// forwards with the app token.
/// </summary>
internal static class WorkflowApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(WorkflowApiRoutes.Prefix)
            .WithMetadata(SidecarOnlyMetadata.Instance)
            .WithTags("Workflows (service invocation)");

        group.MapPost("/{workflowName}/instances", StartAsync)
            .WithName("StartWorkflow")
            .WithSummary("Starts a workflow this app hosts and returns its instance id.");
        group.MapGet("/instances/{instanceId}", GetAsync)
            .WithName("GetWorkflowInstance")
            .WithSummary("The status of a workflow instance.");
        group.MapPost("/instances/{instanceId}/events/{eventName}", RaiseAsync)
            .WithName("RaiseWorkflowEvent")
            .WithSummary("Raises an external event on a workflow instance.");
        group.MapPost("/instances/{instanceId}/terminate", TerminateAsync)
            .WithName("TerminateWorkflow")
            .WithSummary("Terminates a workflow instance.");
    }

    private static async Task<Results<Accepted<StartedWorkflow>, ProblemHttpResult>> StartAsync(
        string workflowName, StartWorkflowRequest request, WorkflowRegistrations hosted, IWorkflowScheduler workflows, CancellationToken cancellationToken)
    {
        if (!hosted.Workflows.ContainsKey(workflowName))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown workflow", detail: $"This app hosts no workflow named '{workflowName}'.");
        }

        if (!TenantIds.IsValid(request.TenantId))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid tenant", detail: "tenantId is missing or is not a valid tenant id.");
        }

        var instanceId = await workflows.ScheduleByNameAsync(workflowName, request.TenantId, request.Input, request.LocalId, cancellationToken);
        return TypedResults.Accepted(WorkflowApiRoutes.Instance(instanceId), new StartedWorkflow(instanceId));
    }

    private static async Task<Results<Ok<WorkflowInstanceStatus>, NotFound>> GetAsync(string instanceId, IWorkflowScheduler workflows, CancellationToken cancellationToken) =>
        await workflows.GetStatusAsync(instanceId, cancellationToken) is { } status ? TypedResults.Ok(status) : TypedResults.NotFound();

    private static async Task<Results<Accepted, NotFound>> RaiseAsync(
        string instanceId, string eventName, HttpRequest request, IWorkflowScheduler workflows, CancellationToken cancellationToken)
    {
        if (await workflows.GetStatusAsync(instanceId, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        JsonElement? payload = request.ContentLength is 0 ? null : await JsonSerializer.DeserializeAsync<JsonElement?>(request.Body, PlatformJson.Options, cancellationToken);
        await workflows.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<Accepted, NotFound>> TerminateAsync(
        string instanceId, TerminateWorkflowRequest? request, IWorkflowScheduler workflows, CancellationToken cancellationToken)
    {
        if (await workflows.GetStatusAsync(instanceId, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        await workflows.TerminateAsync(instanceId, request?.Reason, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }
}
