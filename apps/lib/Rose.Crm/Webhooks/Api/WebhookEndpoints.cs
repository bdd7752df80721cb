using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rose.Tenancy.Http;

namespace Rose.Crm.Webhooks.Api;

public static class WebhookEndpoints
{
    /// <summary>The tenant's outbound webhooks under <c>/api/v1/webhooks</c> (management API key).</summary>
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/webhooks").RequireApiKey().WithTags("Webhooks");

        group.MapGet("/", async (WebhookRegistry registry, CancellationToken ct) => TypedResults.Ok(await registry.ListAsync(ct)))
            .WithName("ListWebhooks")
            .WithSummary("The tenant's webhook endpoints (never their secrets)");

        group.MapPost("/", async Task<Results<Created<WebhookCreated>, ValidationProblem>> (WebhookRequest request, WebhookRegistry registry, CancellationToken ct) =>
            {
                try
                {
                    var created = await registry.CreateAsync(request, ct);
                    return TypedResults.Created($"/api/v1/webhooks/{created.Webhook.Id}", created);
                }
                catch (WebhookValidationException e)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Field] = [e.Message] }, title: "The webhook cannot be registered");
                }
            })
            .WithName("CreateWebhook")
            .WithSummary("Registers an endpoint; the answer holds its signing secret, shown only once")
            .WithDescription("Private, loopback and link-local addresses (169.254.169.254, localhost, 10.0.0.0/8, ::1…) are refused.");

        group.MapDelete("/{id}", async Task<Results<NoContent, ProblemHttpResult>> (string id, WebhookRegistry registry, CancellationToken ct) =>
                await registry.DeleteAsync(id, ct) ? TypedResults.NoContent() : NotFound(id))
            .WithName("DeleteWebhook")
            .WithSummary("Removes an endpoint; its pending deliveries are given up");

        group.MapPost("/{id}/enable", async Task<Results<Ok<WebhookView>, ProblemHttpResult>> (string id, WebhookRegistry registry, CancellationToken ct) =>
                await registry.EnableAsync(id, ct) is { } view ? TypedResults.Ok(view) : NotFound(id))
            .WithName("EnableWebhook")
            .WithSummary("Enables an endpoint that Rose disabled after a day of failures");

        group.MapGet("/{id}/deliveries", async Task<Results<Ok<IReadOnlyList<WebhookAttemptView>>, ProblemHttpResult>> (string id, WebhookRegistry registry, CancellationToken ct) =>
                await registry.LogAsync(id, ct) is { } log ? TypedResults.Ok(log) : NotFound(id))
            .WithName("ListWebhookDeliveries")
            .WithSummary("The endpoint's delivery log: the last 100 attempts with their response codes, newest first");
        return routes;
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such webhook", detail: $"No webhook endpoint '{id}' exists for this tenant.");
}
