using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rose.Crm.Linear.Client;
using Rose.Crm.Linear.Connections;
using Rose.Crm.Linear.Tickets;
using Rose.Tenancy.Http;

namespace Rose.Crm.Linear.Api;

public static class LinearEndpoints
{
    public const string ManagementPath = "/api/v1/integrations/linear";

    /// <summary>
    /// The tenant's Linear connection under <c>/api/v1/integrations/linear</c> and a conversation's ticket at
    /// <c>/api/v1/conversations/{id}/linear-issue</c> (management API key).
    /// </summary>
    public static IEndpointRouteBuilder MapLinearApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(ManagementPath).RequireApiKey().WithTags("Linear");
        group.MapGet("/", async (LinearConnections connections, CancellationToken ct) => TypedResults.Ok(await connections.GetStateAsync(ct)))
            .WithName("GetLinearConnection")
            .WithSummary("The tenant's Linear connection: the team tickets go to. Never the API key.");
        group.MapPut("/", ConnectAsync)
            .WithName("ConnectLinear")
            .WithSummary("Connects a personal API key and a team, after checking both with Linear.")
            .WithDescription("A key or team that Linear refuses answers a problem details and stores nothing.");
        group.MapDelete("/", async (LinearConnections connections, CancellationToken ct) =>
            {
                await connections.DisconnectAsync(ct);
                return TypedResults.Ok(await connections.GetStateAsync(ct));
            })
            .WithName("DisconnectLinear")
            .WithSummary("Removes the API key; tickets already made stay linked to their conversations.");

        var tickets = routes.MapGroup("/api/v1/conversations/{id}/linear-issue").RequireApiKey().WithTags("Linear");
        tickets.MapGet("/", async Task<Results<Ok<LinearIssueView>, ProblemHttpResult>> (string id, LinearTickets linear, CancellationToken ct) =>
                await linear.FindAsync(id, ct) is { } issue
                    ? TypedResults.Ok(issue)
                    : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No Linear ticket", detail: "No ticket was made from this conversation."))
            .WithName("GetConversationLinearIssue")
            .WithSummary("The Linear ticket made from the conversation: id, identifier and URL.");
        tickets.MapPost("/", CreateIssueAsync)
            .WithName("CreateConversationLinearIssue")
            .WithSummary("Makes a Linear ticket from the conversation (issueCreate), or returns the one already made.")
            .WithDescription("201 with the new ticket, 200 with the existing one (idempotent), 404 when the conversation or the connection is missing, 429 with Retry-After when Linear's rate limit is reached, 502 when Linear refuses.");
        return routes;
    }

    private static async Task<Results<Ok<LinearConnectionState>, ValidationProblem, ProblemHttpResult>> ConnectAsync(
        LinearConnectRequest request, LinearConnections connections, HttpContext context, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.ApiKey) || request.ApiKey.Length > 200)
        {
            errors["apiKey"] = ["Give a Linear personal API key (Settings → Security & access → Personal API keys)."];
        }

        if (string.IsNullOrWhiteSpace(request.TeamId) || request.TeamId.Length > 64)
        {
            errors["teamId"] = ["Give the id or the key of the Linear team tickets go to."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Linear cannot be connected");
        }

        try
        {
            return TypedResults.Ok(await connections.ConnectAsync(request.ApiKey!, request.TeamId!, ct));
        }
        catch (LinearApiException e) when (e.Failure == LinearFailure.KeyRejected)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["apiKey"] = [$"Linear refused this API key: {e.Message}"] }, title: "Linear cannot be connected");
        }
        catch (LinearApiException e) when (e.Failure == LinearFailure.TeamNotFound)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["teamId"] = [$"Linear has no such team for this key: {e.Message}"] }, title: "Linear cannot be connected");
        }
        catch (LinearApiException e)
        {
            return LinearProblems.From(e, context);
        }
    }

    private static async Task<Results<Created<LinearIssueView>, Ok<LinearIssueView>, ProblemHttpResult>> CreateIssueAsync(
        string id, LinearTickets linear, HttpContext context, CancellationToken ct)
    {
        var result = await linear.CreateAsync(id, ct);
        return result.Outcome switch
        {
            LinearTicketOutcome.Created => TypedResults.Created($"/api/v1/conversations/{Uri.EscapeDataString(id)}/linear-issue", result.Issue),
            LinearTicketOutcome.AlreadyCreated => TypedResults.Ok(result.Issue),
            LinearTicketOutcome.ConversationNotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such conversation",
                detail: $"No conversation '{id}' exists for this tenant."),
            LinearTicketOutcome.NotConnected => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Linear is not connected",
                detail: $"Connect it first: PUT {ManagementPath}."),
            _ => LinearProblems.From(result.Error!, context),
        };
    }
}
