using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Rose.Analytics.Conversions;
using Rose.Analytics.Data;
using Rose.Analytics.PostHog;
using Rose.Tenancy.Http;

namespace Rose.Analytics.Api;

public static class AnalyticsEndpoints
{
    public const int MaxBatch = 50;
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal) { "impression", "open", "message", "cta_click", "lead" };

    /// <summary><c>POST /rose/v1/events</c> (widget) and <c>GET /api/v1/analytics/events</c> (client staff).</summary>
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/rose/v1/events", async Task<Results<Accepted, ValidationProblem>> (
                WidgetEventBatch batch, AnalyticsDbContext db, PostHogForwarder postHog, HttpContext context, TimeProvider clock, CancellationToken ct) =>
            {
                var events = batch.Events ?? [];
                var errors = Validate(events);
                if (errors.Count > 0)
                {
                    return TypedResults.ValidationProblem(errors, title: "The events cannot be recorded");
                }

                var now = clock.GetUtcNow();
                var rows = events.Select(e => new WidgetEvent
                {
                    Type = e.Type!,
                    ConversationId = e.ConversationId,
                    Data = e.Data is { ValueKind: not System.Text.Json.JsonValueKind.Undefined and not System.Text.Json.JsonValueKind.Null } data ? data.GetRawText() : null,
                    OccurredAt = e.At is { } at && at <= now ? at : now,
                    ReceivedAt = now,
                }).ToList();
                db.Events.AddRange(rows);
                await db.SaveChangesAsync(ct);
                var tenantId = context.GetTenant().TenantId;
                postHog.Enqueue(rows.Select(r => new PostHogEvent("rose " + r.Type, r.ConversationId ?? "anonymous:" + tenantId, r.OccurredAt,
                    new Dictionary<string, object?> { ["tenant_id"] = tenantId, ["conversation_id"] = r.ConversationId, ["data"] = r.Data })));
                return TypedResults.Accepted((string?)null);
            })
            .RequireWidgetKey()
            .RequireRateLimiting(AnalyticsRateLimits.Events)
            .WithTags("Widget")
            .WithName("RecordWidgetEvents")
            .WithSummary("Records a batch of the widget's events")
            .WithDescription("Up to 50 events per batch; per tenant and visitor IP, Rose:Analytics:EventBatchesPerMinutePerVisitor batches a minute, beyond them 429 with Retry-After.");

        routes.MapGet("/api/v1/analytics/events", async (int? days, WidgetEventCounts counts, CancellationToken ct) =>
                TypedResults.Ok(await counts.DailyAsync(days ?? 30, ct)))
            .RequireApiKey()
            .WithTags("Analytics")
            .WithName("CountWidgetEvents");
        routes.MapConversionsApi();
        return routes;
    }

    private static Dictionary<string, string[]> Validate(IReadOnlyList<WidgetEventInput> events)
    {
        var errors = new Dictionary<string, string[]>();
        if (events.Count is 0 or > MaxBatch)
        {
            errors["events"] = [$"Send 1 to {MaxBatch} events at once."];
            return errors;
        }

        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Type is null || !Types.Contains(e.Type))
            {
                errors[$"events[{i}].type"] = [$"Use one of: {string.Join(", ", Types)}."];
            }

            if (e.ConversationId is { Length: > 40 })
            {
                errors[$"events[{i}].conversationId"] = ["A conversation id is at most 40 characters."];
            }

            if (e.Data is { } data && data.GetRawText().Length > 2048)
            {
                errors[$"events[{i}].data"] = ["Event data is at most 2 KB of JSON."];
            }
        }

        return errors;
    }
}
