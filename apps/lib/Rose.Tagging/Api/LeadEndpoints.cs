using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rose.Tagging.Scoring;
using Rose.Tenancy.Http;

namespace Rose.Tagging.Api;

/// <summary>The management API of lead intelligence (management API key): leads with their tags and scores, companies, scoring settings, retag.</summary>
public static class LeadEndpoints
{
    private const int MaxPage = 200;

    public static IEndpointRouteBuilder MapLeadsApi(this IEndpointRouteBuilder routes)
    {
        var leads = routes.MapGroup("/api/v1").RequireApiKey().WithTags("Leads");

        leads.MapGet("/leads", async Task<Results<Ok<IReadOnlyList<LeadSummary>>, ValidationProblem>> (
                string? tag, int? minScore, string? company, int? limit, LeadReports reports, CancellationToken ct) =>
            {
                var take = limit ?? 50;
                if (take is < 1 or > MaxPage || minScore is < 0 or > 100)
                {
                    return TypedResults.ValidationProblem(
                        new Dictionary<string, string[]> { ["limit"] = [$"limit is 1 to {MaxPage}, minScore 0 to 100."] },
                        title: "The filter is not valid");
                }

                return TypedResults.Ok(await reports.ListAsync(tag?.Trim(), minScore, company, take, ct));
            })
            .WithName("ListLeads")
            .WithSummary("Tagged conversations, most recent first, filtered by tag, minimum score or company.");

        leads.MapGet("/conversations/{id}/lead", async Task<Results<Ok<ConversationLeadView>, ProblemHttpResult>> (string id, LeadReports reports, CancellationToken ct) =>
                await reports.FindAsync(id, ct) is { } lead ? TypedResults.Ok(lead) : NotTagged())
            .WithName("GetConversationLead")
            .WithSummary("A conversation's tags, its score with every factor, and its company.");

        leads.MapPost("/conversations/{id}/retag", async Task<Results<Ok<ConversationLeadView>, ProblemHttpResult>> (
                string id, ConversationTagger tagger, LeadReports reports, CancellationToken ct) =>
            {
                if (await tagger.TagAsync(id, TaggingMode.Retag, ct) == TaggingOutcome.NotFound)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such conversation",
                        detail: "This tenant has no conversation with this id, or it has no message yet.");
                }

                return TypedResults.Ok((await reports.FindAsync(id, ct))!);
            })
            .WithName("RetagConversation")
            .WithSummary("Classifies and scores the conversation again, now.");

        leads.MapGet("/companies", async Task<Results<Ok<IReadOnlyList<CompanySummary>>, ValidationProblem>> (int? limit, LeadReports reports, CancellationToken ct) =>
            {
                var take = limit ?? 100;
                return take is < 1 or > MaxPage
                    ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit is 1 to {MaxPage}."] }, title: "The page is not valid")
                    : TypedResults.Ok(await reports.CompaniesAsync(take, ct));
            })
            .WithName("ListCompanies")
            .WithSummary("Companies whose visitors talked to the agent, last seen first.");

        leads.MapGet("/companies/{id}", async Task<Results<Ok<CompanyDetails>, ProblemHttpResult>> (string id, LeadReports reports, CancellationToken ct) =>
                await reports.CompanyAsync(id, ct) is { } company
                    ? TypedResults.Ok(company)
                    : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such company", detail: "Company ids are composite: tenant:domain."))
            .WithName("GetCompany")
            .WithSummary("A company's conversations (its score history), best score, contacts and last visit.");

        leads.MapGet("/scoring", async (ScoringSettingsStore store, CancellationToken ct) => TypedResults.Ok(ScoringView.From(await store.GetAsync(ct))))
            .WithName("GetScoring")
            .WithSummary("The tenant's ideal customer profile, weights and hot threshold.");

        leads.MapPut("/scoring", async Task<Results<Ok<ScoringView>, ValidationProblem>> (ScoringRequest request, ScoringSettingsStore store, CancellationToken ct) =>
            {
                var errors = ScoringRequestValidator.Validate(request);
                if (errors.Count > 0)
                {
                    return TypedResults.ValidationProblem(errors, title: "The scoring settings are not valid");
                }

                var settings = ScoringRequestValidator.ToSettings(request);
                await store.SaveAsync(settings, ct);
                return TypedResults.Ok(ScoringView.From(settings));
            })
            .WithName("PutScoring")
            .WithSummary("Replaces the tenant's scoring settings; weights not named keep their defaults.");

        leads.MapDelete("/visitors/{visitorId}", async Task<Results<Ok<ErasureReport>, ValidationProblem>> (string visitorId, VisitorErasure erasure, CancellationToken ct) =>
                Rose.Chat.VisitorIds.IsValid(visitorId)
                    ? TypedResults.Ok(await erasure.EraseVisitorAsync(visitorId, ct))
                    : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["visitorId"] = ["Not a visitor id."] }, title: "Nothing can be erased"))
            .WithName("EraseVisitor")
            .WithSummary("Erases a visitor (GDPR): their conversations, messages, e-mails, tags and scores.");

        leads.MapDelete("/visitors", async Task<Results<Ok<ErasureReport>, ValidationProblem>> (string? email, VisitorErasure erasure, CancellationToken ct) =>
                email is { Length: > 3 and <= 320 } && email.Contains('@', StringComparison.Ordinal)
                    ? TypedResults.Ok(await erasure.EraseEmailAsync(email, ct))
                    : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["Give the e-mail address to erase: DELETE /api/v1/visitors?email=…"] }, title: "Nothing can be erased"))
            .WithName("EraseVisitorByEmail")
            .WithSummary("Erases every conversation, e-mail, tag and score of the visitor who left this e-mail address.");
        routes.MapLabelSetApi();
        return routes;
    }

    private static ProblemHttpResult NotTagged() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No lead for this conversation",
            detail: "The conversation does not exist for this tenant or is not tagged yet (tagging runs when it ends).");
}
