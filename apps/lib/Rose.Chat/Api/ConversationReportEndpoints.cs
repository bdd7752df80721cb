using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rose.Chat.Reports;
using Rose.Tenancy.Http;

namespace Rose.Chat.Api;

/// <summary>For the tenant's marketers (management API key): which companies came and what they asked.</summary>
public static class ConversationReportEndpoints
{
    /// <summary><c>GET /api/v1/conversations?after=&amp;limit=&amp;…</c> (keyset pages, most recent activity first) and <c>GET /api/v1/conversations/{id}</c>.</summary>
    public static IEndpointRouteBuilder MapConversationReportsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/conversations").RequireApiKey().WithTags("Conversations");
        group.MapGet("/", async Task<Results<Ok<ConversationPage>, ValidationProblem>> (
            [AsParameters] ConversationListQuery query, ConversationReports reports, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (query.Limit is < 1 or > ConversationFilter.MaxLimit)
            {
                errors["limit"] = [$"limit must be between 1 and {ConversationFilter.MaxLimit}."];
            }

            if (query.After is not null && !ConversationCursor.TryDecode(query.After, out _))
            {
                errors["after"] = ["after must be the next value of a previous page, as it was returned."];
            }

            if (query.From is { } from && query.To is { } to && to <= from)
            {
                errors["to"] = ["to must be later than from."];
            }

            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors, title: "The page is not valid");
            }

            var filter = new ConversationFilter(
                query.From, query.To, query.Answered, query.Email, query.Company, query.Origin, query.Q, query.After,
                query.Limit ?? ConversationFilter.DefaultLimit);
            return TypedResults.Ok(await reports.ListAsync(filter, ct));
        })
        .WithName("ListConversations")
        .WithSummary("Lists the tenant's conversations, newest activity first, one keyset page at a time")
        .WithDescription("Returns {items, next}; pass next as after to get the following page. Filters: from/to (last activity), answered, email (an e-mail was left), company, origin (site or page), q (words in any message).");

        group.MapGet("/{id}", async Task<Results<Ok<ConversationTranscript>, ProblemHttpResult>> (string id, ConversationReports reports, CancellationToken ct) =>
            await reports.FindAsync(id, ct) is { } transcript
                ? TypedResults.Ok(transcript)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such conversation"))
        .WithName("GetConversationReport")
        .WithSummary("One conversation with every message, its citations, skill, latency and model");
        return routes;
    }
}
