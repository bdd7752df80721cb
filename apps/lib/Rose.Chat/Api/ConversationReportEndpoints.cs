using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Rose.Chat.Data;
using Rose.Tenancy.Http;

namespace Rose.Chat.Api;

/// <summary>For the tenant's marketers (management API key): which companies came and what they asked.</summary>
public static class ConversationReportEndpoints
{
    private const int MaxPage = 200;

    /// <summary><c>GET /api/v1/conversations?limit=&amp;offset=</c> (most recent first) and <c>GET /api/v1/conversations/{id}</c>.</summary>
    public static IEndpointRouteBuilder MapConversationReportsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/conversations").RequireApiKey().WithTags("Conversations");
        group.MapGet("/", async Task<Results<Ok<IReadOnlyList<ConversationSummary>>, ValidationProblem>> (
            int? limit, int? offset, ChatDbContext db, CancellationToken ct) =>
        {
            var take = limit ?? 50;
            var skip = offset ?? 0;
            if (take is < 1 or > MaxPage || skip < 0)
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["limit"] = [$"limit must be between 1 and {MaxPage}, offset at least 0."] },
                    title: "The page is not valid");
            }

            var page = await db.Conversations.AsNoTracking()
                .OrderByDescending(c => c.LastActivityAt)
                .Skip(skip)
                .Take(take)
                .Select(c => new ConversationSummary(
                    c.Id,
                    c.VisitorCompany,
                    c.Origin,
                    c.MessageCount,
                    db.Messages.Where(m => m.ConversationId == c.Id && m.Sequence == 1).Select(m => m.Text).FirstOrDefault(),
                    c.CreatedAt,
                    c.LastActivityAt,
                    c.EndedAt != null))
                .ToListAsync(ct);
            return TypedResults.Ok<IReadOnlyList<ConversationSummary>>(page);
        }).WithName("ListConversations");

        group.MapGet("/{id}", async Task<Results<Ok<ConversationHistory>, ProblemHttpResult>> (string id, ChatDbContext db, CancellationToken ct) =>
        {
            if (!await db.Conversations.AnyAsync(c => c.Id == id, ct))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such conversation");
            }

            var messages = await db.Messages.AsNoTracking().Where(m => m.ConversationId == id).OrderBy(m => m.Sequence).ToListAsync(ct);
            return TypedResults.Ok(new ConversationHistory(id, [.. messages.Select(HistoryMessage.From)]));
        }).WithName("GetConversationReport");
        return routes;
    }
}
