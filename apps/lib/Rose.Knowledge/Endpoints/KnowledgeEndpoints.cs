using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rose.Knowledge.Ingestion;
using Rose.Knowledge.Retrieval;
using Rose.Tenancy.Http;

namespace Rose.Knowledge.Endpoints;

public static class KnowledgeEndpoints
{
    private const string Base = "/api/v1/knowledge";

    /// <summary>The knowledge management API (<c>/api/v1/knowledge</c>), for the tenant of the bearer API key.</summary>
    public static IEndpointRouteBuilder MapKnowledgeApi(this IEndpointRouteBuilder routes)
    {
        var knowledge = routes.MapGroup(Base)
            .RequireApiKey()
            .AddEndpointFilter<KnowledgeValidationFilter>()
            .WithTags("Knowledge");

        knowledge.MapPost("/documents", SubmitDocumentAsync)
            .Accepts<DocumentRequest>("application/json", "multipart/form-data")
            .WithName("SubmitKnowledgeDocument");

        knowledge.MapGet("/documents", async (DocumentIntake intake, CancellationToken ct) => TypedResults.Ok(await intake.ListAsync(ct)));

        knowledge.MapGet("/documents/{id}", async Task<Results<Ok<DocumentView>, ProblemHttpResult>> (string id, DocumentIntake intake, CancellationToken ct) =>
            await intake.FindAsync(id, ct) is { } view ? TypedResults.Ok(view) : NotFound(id));

        knowledge.MapDelete("/documents/{id}", async Task<Results<NoContent, ProblemHttpResult>> (string id, DocumentIntake intake, CancellationToken ct) =>
            await intake.DeleteAsync(id, ct) ? TypedResults.NoContent() : NotFound(id));

        knowledge.MapFaqEntries(Base);

        knowledge.MapPost("/documents/{id}/reindex", async Task<Results<Accepted<AcceptedDocument>, ProblemHttpResult>> (string id, DocumentReindexing reindexing, CancellationToken ct) =>
                await reindexing.ReindexAsync(id, ct) is { } view
                    ? TypedResults.Accepted($"{Base}/documents/{Uri.EscapeDataString(view.Id)}", new AcceptedDocument(view.Id, view.Status))
                    : NotFound(id))
            .WithName("ReindexKnowledgeDocument")
            .WithSummary("Loads one document again from its source, chunked and embedded from scratch");

        knowledge.MapPost("/reindex", async (DocumentReindexing reindexing, CancellationToken ct) =>
                TypedResults.Accepted($"{Base}/documents", new ReindexAccepted(await reindexing.ReindexAllAsync(ct))))
            .WithName("ReindexKnowledgeBase")
            .WithSummary("Loads every document of the knowledge base again from its source");

        knowledge.MapPost("/sources/sitemap", async (SitemapRequest request, DocumentIntake intake, CancellationToken ct) =>
        {
            var views = await intake.SubmitSitemapAsync(request.Url, ct);
            return TypedResults.Accepted($"{Base}/documents", views.Select(v => new AcceptedDocument(v.Id, v.Status)).ToList());
        });

        knowledge.MapPost("/sources/google-drive", async (GoogleDriveRequest request, DocumentIntake intake, CancellationToken ct) =>
        {
            var views = await intake.SubmitGoogleDriveFolderAsync(request.FolderId, request.AccessToken, ct);
            return TypedResults.Accepted($"{Base}/documents", views.Select(v => new AcceptedDocument(v.Id, v.Status)).ToList());
        });

        knowledge.MapGet("/search", async Task<Results<Ok<SearchResponse>, ValidationProblem>> (string? q, int? k, HttpContext context, IKnowledgeRetriever retriever, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(q))
            {
                throw KnowledgeValidationException.For("q", "Give the text to search for in q.");
            }

            var count = k ?? 5;
            if (count is < 1 or > 50)
            {
                throw KnowledgeValidationException.For("k", "k must be between 1 and 50.");
            }

            var results = await retriever.RetrieveAsync(context.GetTenant().TenantId, q, count, ct);
            return TypedResults.Ok(new SearchResponse(q, results));
        });
        return routes;
    }

    private static async Task<Accepted<AcceptedDocument>> SubmitDocumentAsync(HttpContext context, DocumentIntake intake, CancellationToken ct)
    {
        DocumentSubmission submission;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(ct);
            var file = form.Files.Count > 0 ? form.Files[0] : null;
            byte[]? content = null;
            if (file is not null)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                content = buffer.ToArray();
            }
            else if (form["content"].ToString() is { Length: > 0 } inline)
            {
                content = Encoding.UTF8.GetBytes(inline);
            }

            submission = new DocumentSubmission(
                NullIfEmpty(form["title"]), NullIfEmpty(form["url"]), file?.FileName, NullIfEmpty(form["contentType"]) ?? file?.ContentType, content);
        }
        else
        {
            DocumentRequest? request;
            try
            {
                request = await context.Request.ReadFromJsonAsync<DocumentRequest>(ct);
            }
            catch (System.Text.Json.JsonException e)
            {
                throw KnowledgeValidationException.For("body", $"The body is not valid JSON ({e.Message}).");
            }
            catch (InvalidOperationException)
            {
                throw KnowledgeValidationException.For("body", "Send JSON {title, url?, content?, contentType?} or a multipart file.");
            }

            if (request is null)
            {
                throw KnowledgeValidationException.For("body", "Send JSON {title, url?, content?, contentType?} or a multipart file.");
            }

            submission = new DocumentSubmission(
                request.Title, request.Url, null, request.ContentType ?? (request.Content is null ? null : "text/plain"),
                request.Content is null ? null : Encoding.UTF8.GetBytes(request.Content));
        }

        var view = await intake.SubmitAsync(submission, ct);
        return TypedResults.Accepted($"{Base}/documents/{Uri.EscapeDataString(view.Id)}", new AcceptedDocument(view.Id, view.Status));
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Document not found",
            detail: $"There is no document '{id}' in this knowledge base.");

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
