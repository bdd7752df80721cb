using System.Net.Mail;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Rose.Chat.Data;
using Rose.Chat.Events;
using Rose.Chat.Pipeline;
using Rose.Chat.Skills;
using Rose.Enrichment;
using Rose.Enrichment.Identification;
using Rose.Platform.PubSub;
using Rose.Tenancy.Http;

namespace Rose.Chat.Api;

public static class ChatEndpoints
{
    /// <summary>The widget-facing API under <c>/rose/v1</c> (public key + allowed origin; conversation token where it applies).</summary>
    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder routes)
    {
        var widget = routes.MapGroup("/rose/v1").RequireWidgetKey().WithTags("Widget");

        widget.MapGet("/widget/config", async (HttpContext context, SkillCatalog skills, CancellationToken ct) =>
        {
            var tenant = context.GetTenant();
            var w = tenant.Widget;
            var list = (await skills.ListOfferedAsync(ct)).Select(SkillView.From).ToList();
            return TypedResults.Ok(new WidgetConfig(tenant.TenantId, w.Name, w.Greeting, w.PrimaryColor, w.TextColor, w.Language, list));
        }).WithName("GetWidgetConfig");

        widget.MapPost("/conversations", async Task<Results<Created<ConversationStarted>, ValidationProblem>> (
            HttpContext context, ConversationStore store, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] StartConversationRequest? request, CancellationToken ct) =>
        {
            var visitorId = request?.VisitorId;
            if (visitorId is not null && !VisitorIds.IsValid(visitorId))
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["visitorId"] = [$"A visitor id is {VisitorIds.MinLength} to {VisitorIds.MaxLength} letters, digits, '-' or '_'."] },
                    title: "The conversation cannot start");
            }

            var (conversation, token) = await store.StartAsync(context.Request.Headers[HeaderNames.Origin], request?.Page, visitorId, request?.Consent, ct);
            return TypedResults.Created($"/rose/v1/conversations/{conversation.Id}", new ConversationStarted(conversation.Id, token));
        }).RequireRateLimiting(ChatRateLimits.Conversations).WithName("StartConversation");

        widget.MapGet("/conversations/{id}", async Task<Results<Ok<ConversationHistory>, ProblemHttpResult>> (
            string id, HttpContext context, ConversationStore store, CancellationToken ct) =>
        {
            if (await store.FindAsync(id, context.Request.BearerToken(), ct) is null)
            {
                return NotFound();
            }

            var messages = await store.MessagesAsync(id, ct);
            return TypedResults.Ok(new ConversationHistory(id, [.. messages.Select(HistoryMessage.From)]));
        }).WithName("GetConversation");

        widget.MapPost("/conversations/{id}/messages", PostMessageAsync)
            .RequireRateLimiting(ChatRateLimits.Messages)
            .WithName("PostMessage")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");

        widget.MapPost("/leads", async Task<Results<Created<LeadAccepted>, ValidationProblem>> (
            LeadRequest request, HttpContext context, ChatDbContext db, IVisitorCompanies companies, TimeProvider clock, CancellationToken ct) =>
        {
            if (!IsEmail(request.Email))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["Please enter a valid e-mail address."] });
            }

            var lead = new Lead
            {
                Id = ChatIds.New(),
                Email = request.Email!.Trim(),
                Name = Limit(request.Name, 200),
                Company = Limit(request.Company, 200),
                ConversationId = Limit(request.ConversationId, 40),
                CreatedAt = clock.GetUtcNow(),
            };
            db.Leads.Add(lead);
            await ReidentifyAsync(context, db, companies, lead, ct);
            // In the lead's own transaction: the CRM sync and the tenant's webhooks hear of every stored address, and of no other.
            db.StageEvent(new LeadCaptured(context.GetTenant().TenantId, lead.Id, lead.ConversationId));
            await db.SaveChangesAsync(ct);
            return TypedResults.Created((string?)null, new LeadAccepted(lead.Id));
        }).RequireRateLimiting(ChatRateLimits.Conversations).WithName("CreateLead");

        return routes;
    }

    /// <summary>For the tenant's staff: <c>GET/PUT /api/v1/skills</c>.</summary>
    public static IEndpointRouteBuilder MapSkillsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/skills").RequireApiKey().WithTags("Skills");
        group.MapGet("/", async (SkillCatalog skills, CancellationToken ct) => TypedResults.Ok(await skills.ListAsync(ct)));
        group.MapPut("/", async Task<Results<Ok<IReadOnlyList<TenantSkill>>, ValidationProblem>> (IReadOnlyList<SkillSettings> request, SkillCatalog skills, CancellationToken ct) =>
        {
            try
            {
                return TypedResults.Ok(await skills.ReplaceAsync(request, ct));
            }
            catch (SkillValidationException e)
            {
                return TypedResults.ValidationProblem(e.Errors, title: "The skills are not valid");
            }
        });
        return routes;
    }

    private static async Task<IResult> PostMessageAsync(
        string id, PostMessageRequest request, HttpContext context, ConversationStore store, TenantStreamSlots slots,
        IOptions<ChatOptions> options, CancellationToken ct)
    {
        var token = context.Request.BearerToken();
        if (token is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Conversation token required",
                detail: "Send the token returned when the conversation started as Authorization: Bearer <token>.");
        }

        var text = request.Text?.Trim() ?? string.Empty;
        if (text.Length == 0 || text.Length > options.Value.MaxMessageLength)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["text"] = [$"A message is 1 to {options.Value.MaxMessageLength} characters."] },
                title: "The message cannot be sent");
        }

        if (await store.FindAsync(id, token, ct) is not { } conversation)
        {
            return NotFound();
        }

        var tenant = context.GetTenant();
        var slot = await slots.TryTakeAsync(tenant.TenantId, ct);
        if (slot is null)
        {
            context.Response.Headers.RetryAfter = "2";
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many answers in progress",
                detail: "Please try again in a moment.");
        }

        return new TurnStreamResult(new TurnRequest(tenant, id, text, context.Connection.RemoteIpAddress, conversation.VisitorConsent), slot);
    }

    /// <summary>Identification runs again with the e-mail: a work domain names the conversation's company in place of a weaker answer found by address.</summary>
    private static async Task ReidentifyAsync(HttpContext context, ChatDbContext db, IVisitorCompanies companies, Lead lead, CancellationToken ct)
    {
        if (lead.ConversationId is not { } conversationId || await db.Conversations.FirstOrDefaultAsync(c => c.Id == conversationId, ct) is not { } conversation)
        {
            return;
        }

        var company = await companies.ReidentifyByEmailAsync(context.GetTenant().TenantId, context.Connection.RemoteIpAddress, conversation.VisitorConsent, lead.Email, ct);
        if (company is { MatchedBy: MatchKinds.EmailDomain })
        {
            conversation.VisitorCompany = Limit(company.Name, 200);
        }
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Conversation not found",
            detail: "No conversation with this id and token exists for this site.");

    private static bool IsEmail(string? value) =>
        value is { Length: > 3 and <= 320 } && MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim()
        && address.Host.Contains('.', StringComparison.Ordinal);

    private static string? Limit(string? value, int max)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed[..Math.Min(trimmed.Length, max)];
    }
}
