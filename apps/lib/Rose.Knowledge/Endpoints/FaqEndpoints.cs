using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rose.Knowledge.Faqs;
using Rose.Knowledge.Ingestion;

namespace Rose.Knowledge.Endpoints;

/// <summary>The FAQ entries of the knowledge API (<c>/api/v1/knowledge/faqs</c>): in a batch, or one by one as the backoffice's editor edits them.</summary>
internal static class FaqEndpoints
{
    public static void MapFaqEntries(this RouteGroupBuilder knowledge, string knowledgeBase)
    {
        knowledge.MapPost("/faqs", async (FaqRequest request, DocumentIntake intake, CancellationToken ct) =>
            {
                var views = await intake.SubmitFaqsAsync(request.Faqs ?? [], ct);
                return TypedResults.Accepted($"{knowledgeBase}/documents", views.Select(v => new AcceptedDocument(v.Id, v.Status)).ToList());
            })
            .WithName("SubmitFaqEntries")
            .WithSummary("Adds or replaces FAQ entries in a batch (keyed by their id, else by their question)");

        knowledge.MapGet("/faqs", async (FaqEntries faqs, CancellationToken ct) => TypedResults.Ok(await faqs.ListAsync(ct)))
            .WithName("ListFaqEntries")
            .WithSummary("Lists the FAQ entries with their answers and loading status, newest first");

        knowledge.MapGet("/faqs/{faqId}", async Task<Results<Ok<FaqView>, ProblemHttpResult>> (string faqId, FaqEntries faqs, CancellationToken ct) =>
                await faqs.FindAsync(faqId, ct) is { } faq ? TypedResults.Ok(faq) : NotFound(faqId))
            .WithName("GetFaqEntry")
            .WithSummary("Reads one FAQ entry");

        knowledge.MapPut("/faqs/{faqId}", async Task<Results<Ok<FaqView>, Created<FaqView>>> (string faqId, FaqEntryRequest request, FaqEntries faqs, CancellationToken ct) =>
            {
                var saved = await faqs.SaveAsync(faqId, new FaqEntry(request.Question ?? string.Empty, request.Answer ?? string.Empty, request.Url), ct);
                return saved.Created
                    ? TypedResults.Created($"{knowledgeBase}/faqs/{Uri.EscapeDataString(saved.Faq.FaqId)}", saved.Faq)
                    : TypedResults.Ok(saved.Faq);
            })
            .WithName("SaveFaqEntry")
            .WithSummary("Creates the FAQ entry with this id, or replaces its question, answer and URL; it then loads in the background");

        knowledge.MapDelete("/faqs/{faqId}", async Task<Results<NoContent, ProblemHttpResult>> (string faqId, FaqEntries faqs, CancellationToken ct) =>
                await faqs.DeleteAsync(faqId, ct) ? TypedResults.NoContent() : NotFound(faqId))
            .WithName("DeleteFaqEntry")
            .WithSummary("Removes an FAQ entry (by the id it was submitted with) from the knowledge base");
    }

    private static ProblemHttpResult NotFound(string faqId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such FAQ entry", detail: $"No FAQ entry with id '{faqId}' exists for this tenant.");
}
