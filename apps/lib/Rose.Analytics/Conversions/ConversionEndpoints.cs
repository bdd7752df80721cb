using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Rose.Analytics.Funnel;
using Rose.Analytics.PostHog;
using Rose.Chat;
using Rose.Chat.Data;
using Rose.Tenancy.Http;
using Rose.Tenancy.Keys;

namespace Rose.Analytics.Conversions;

public static class ConversionEndpoints
{
    public const int MaxBodyBytes = 16 * 1024;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// <c>POST /rose/v1/conversions</c> (the client's site with the visitor's conversation token, or its
    /// server signed with the tenant's secret), <c>GET /api/v1/analytics/funnel</c> and
    /// <c>POST /api/v1/analytics/conversion-secret</c> (client staff).
    /// </summary>
    public static IEndpointRouteBuilder MapConversionsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/rose/v1/conversions", RecordAsync)
            .RequireWidgetKey()
            .Accepts<ConversionRequest>("application/json")
            .WithTags("Widget")
            .WithName("RecordConversion")
            .WithSummary("Records a form submission or a booked meeting, once per externalId")
            .WithDescription("From the browser: X-Rose-Key and Authorization: Bearer <the visitor's conversation token>. From a server: X-Rose-Key and Rose-Signature: t=<unix>,v1=<hex HMAC-SHA256 of \"t.body\"> with the tenant's conversion secret.");

        routes.MapGet("/api/v1/analytics/funnel", async (int? days, FunnelReport funnel, CancellationToken ct) =>
                TypedResults.Ok(await funnel.LastDaysAsync(days ?? 30, ct)))
            .RequireApiKey()
            .WithTags("Analytics")
            .WithName("GetFunnel")
            .WithSummary("Impressions → opens → messages → skill clicks → conversions, by day and by skill");

        routes.MapPost("/api/v1/analytics/conversion-secret", async (ConversionSigningSecrets secrets, CancellationToken ct) =>
                TypedResults.Ok(new ConversionSecretCreated(await secrets.RotateAsync(ct))))
            .RequireApiKey()
            .WithTags("Analytics")
            .WithName("RotateConversionSecret")
            .WithSummary("Creates (or replaces) the secret that signs server-to-server conversions; shown only in this answer");
        return routes;
    }

    private static async Task<Results<Created<ConversionView>, Ok<ConversionView>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        HttpContext context, ConversionRecorder recorder, ConversionSigningSecrets secrets, ChatDbContext chat, PostHogForwarder postHog, TimeProvider clock, CancellationToken ct)
    {
        var body = await ReadBodyAsync(context.Request, ct);
        if (body is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large", detail: $"A conversion is at most {MaxBodyBytes} bytes of JSON.");
        }

        ConversionRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<ConversionRequest>(body, Json);
        }
        catch (JsonException)
        {
            request = null;
        }

        var now = clock.GetUtcNow();
        if (request is null || Validate(request, now) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(request is null ? new Dictionary<string, string[]> { ["body"] = ["Send a JSON object."] } : Validate(request, now),
                title: "The conversion cannot be recorded");
        }

        string? visitorId = request.VisitorId, conversationId = request.ConversationId;
        if (context.Request.Headers[RoseSignature.Header].ToString() is { Length: > 0 } signature)
        {
            if (await secrets.CurrentAsync(ct) is not { } secret || !RoseSignature.Verify(secret, signature, body, now))
            {
                return Unauthorized("Invalid signature",
                    "Sign the exact body with the tenant's conversion secret: Rose-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\">, within 5 minutes of Rose's clock.");
            }
        }
        else if (context.Request.BearerToken() is { } token)
        {
            // The browser proves it is the visitor by their conversation's token; the token's conversation says who they are.
            var hash = TenantKeys.Hash(token);
            var owned = await chat.Conversations.AsNoTracking()
                .Where(c => c.TokenHash == hash && (c.Id == conversationId || (conversationId == null && c.VisitorId == visitorId)))
                .Select(c => new { c.Id, c.VisitorId })
                .FirstOrDefaultAsync(ct);
            if (owned is null)
            {
                return Unauthorized("Invalid visitor token", "The token is not the one of this conversation or visitor.");
            }

            (conversationId, visitorId) = (owned.Id, owned.VisitorId ?? visitorId);
        }
        else
        {
            return Unauthorized("Token or signature required",
                "From the browser send Authorization: Bearer <the visitor's conversation token>; from a server sign the body (Rose-Signature).");
        }

        var (view, duplicate) = await recorder.RecordAsync(
            new ValidConversion(request.Type!, request.ExternalId!.Trim(), visitorId, conversationId, request.OccurredAt ?? now, request.Value), ct);
        if (duplicate)
        {
            return TypedResults.Ok(view);
        }

        postHog.Enqueue([new PostHogEvent("rose conversion", visitorId ?? view.ConversationId ?? "conversion:" + view.Id, view.OccurredAt,
            new Dictionary<string, object?>
            {
                ["tenant_id"] = context.GetTenant().TenantId, ["type"] = view.Type, ["external_id"] = view.ExternalId,
                ["conversation_id"] = view.ConversationId, ["skill_id"] = view.SkillId, ["value"] = view.Value,
            })]);
        return TypedResults.Created((string?)null, view);
    }

    private static Dictionary<string, string[]> Validate(ConversionRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Type is null || !ConversionTypes.All.Contains(request.Type))
        {
            errors["type"] = [$"Use one of: {string.Join(", ", ConversionTypes.All)}."];
        }

        if (string.IsNullOrWhiteSpace(request.ExternalId) || request.ExternalId.Trim().Length > 200)
        {
            errors["externalId"] = ["Give your own id for this conversion (1 to 200 characters): sending it again records nothing new."];
        }

        if (request.VisitorId is null && request.ConversationId is null)
        {
            errors["visitorId"] = ["Give the visitor's id (kept by the widget) or a conversationId."];
        }

        if (request.VisitorId is not null && !VisitorIds.IsValid(request.VisitorId))
        {
            errors["visitorId"] = [$"A visitor id is {VisitorIds.MinLength} to {VisitorIds.MaxLength} letters, digits, '-' or '_'."];
        }

        if (request.ConversationId is { Length: 0 or > 40 })
        {
            errors["conversationId"] = ["A conversation id is 1 to 40 characters."];
        }

        if (request.OccurredAt is { } at && (at > now.AddMinutes(5) || at < now.AddYears(-1)))
        {
            errors["occurredAt"] = ["occurredAt is within the last year, and not in the future."];
        }

        if (request.Value is < 0 or > 1_000_000_000_000m)
        {
            errors["value"] = ["value is a positive amount."];
        }

        return errors;
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    private static ProblemHttpResult Unauthorized(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: title, detail: detail);
}
