using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Rose.Knowledge.Data;
using Rose.Knowledge.Endpoints;
using Rose.Knowledge.Ingestion;
using Rose.Knowledge.Tests.Fixtures;
using Rose.Storage;
using Xunit;

namespace Rose.Knowledge.Tests;

/// <summary>The management API end to end: HTTP, API keys, background loading, problem details.</summary>
public sealed class KnowledgeApiTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string dataPath = Directory.CreateTempSubdirectory("rose-knowledge-api-").FullName;
    private KnowledgeApp app = null!;

    public async Task InitializeAsync() => app = await KnowledgeApp.StartAsync(dataPath);

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        Directory.Delete(dataPath, recursive: true);
    }

    [Fact]
    public async Task Post_json_answers_202_then_the_document_is_indexed_and_searchable()
    {
        var acme = await app.ClientForNewTenantAsync("acme");

        var response = await acme.PostAsJsonAsync("/api/v1/knowledge/documents",
            new DocumentRequest("Handbook", "https://acme.test/handbook#safety", TestDocuments.Markdown, "text/markdown"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<AcceptedDocument>(Json);
        Assert.StartsWith("acme:", accepted!.Id, StringComparison.Ordinal);
        var document = await WaitForLoadedAsync(acme, accepted.Id);
        Assert.Equal(DocumentStatus.Indexed, document.Status);
        Assert.True(document.ChunkCount > 0);

        var search = await acme.GetFromJsonAsync<SearchResponse>("/api/v1/knowledge/search?q=launch%20outdoors&k=3", Json);
        Assert.NotEmpty(search!.Results);
        Assert.Equal("https://acme.test/handbook#safety", search.Results[0].SourceUrl);
        Assert.Contains("Safety", search.Results[0].HeadingPath);
    }

    [Fact]
    public async Task Post_multipart_pdf_is_indexed_and_a_corrupt_one_fails_with_its_reason()
    {
        var acme = await app.ClientForNewTenantAsync("acme");

        var good = await UploadAsync(acme, "warranty.pdf", "application/pdf", TestDocuments.Pdf());
        var bad = await UploadAsync(acme, "broken.pdf", "application/pdf", TestDocuments.CorruptPdf());

        Assert.Equal(DocumentStatus.Indexed, (await WaitForLoadedAsync(acme, good.Id)).Status);
        var failed = await WaitForLoadedAsync(acme, bad.Id);
        Assert.Equal(DocumentStatus.Failed, failed.Status);
        Assert.Contains("PDF could not be read", failed.Error, StringComparison.Ordinal);
        var list = await acme.GetFromJsonAsync<List<DocumentView>>("/api/v1/knowledge/documents", Json);
        Assert.Equal(2, list!.Count);
    }

    [Fact]
    public async Task Another_tenants_document_answers_404_exactly_like_a_missing_one()
    {
        var acme = await app.ClientForNewTenantAsync("acme");
        var globex = await app.ClientForNewTenantAsync("globex");
        var accepted = await (await acme.PostAsJsonAsync("/api/v1/knowledge/documents", new DocumentRequest("Secret", null, "Acme's secret launch code is 4242.", null)))
            .Content.ReadFromJsonAsync<AcceptedDocument>(Json);
        await WaitForLoadedAsync(acme, accepted!.Id);

        var foreign = await globex.GetAsync($"/api/v1/knowledge/documents/{accepted.Id}");
        var missing = await globex.GetAsync("/api/v1/knowledge/documents/globex:does-not-exist");
        var foreignDelete = await globex.DeleteAsync($"/api/v1/knowledge/documents/{accepted.Id}");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignDelete.StatusCode);
        Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType?.MediaType);
        var a = await foreign.Content.ReadFromJsonAsync<ProblemDetails>(Json);
        var b = await missing.Content.ReadFromJsonAsync<ProblemDetails>(Json);
        Assert.Equal(b!.Title, a!.Title);
        var search = await globex.GetFromJsonAsync<SearchResponse>("/api/v1/knowledge/search?q=secret%20launch%20code", Json);
        Assert.Empty(search!.Results);
        Assert.Equal(HttpStatusCode.OK, (await acme.GetAsync($"/api/v1/knowledge/documents/{accepted.Id}")).StatusCode);
    }

    [Fact]
    public async Task Delete_answers_204_and_the_document_is_gone()
    {
        var acme = await app.ClientForNewTenantAsync("acme");
        var accepted = await (await acme.PostAsJsonAsync("/api/v1/knowledge/documents", new DocumentRequest("Notes", null, "Launch pads are sold separately.", null)))
            .Content.ReadFromJsonAsync<AcceptedDocument>(Json);
        await WaitForLoadedAsync(acme, accepted!.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await acme.DeleteAsync($"/api/v1/knowledge/documents/{accepted.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetAsync($"/api/v1/knowledge/documents/{accepted.Id}")).StatusCode);
        var search = await acme.GetFromJsonAsync<SearchResponse>("/api/v1/knowledge/search?q=launch%20pads", Json);
        Assert.Empty(search!.Results);
    }

    [Fact]
    public async Task Faqs_are_accepted_and_each_becomes_one_chunk()
    {
        var acme = await app.ClientForNewTenantAsync("acme");

        var response = await acme.PostAsJsonAsync("/api/v1/knowledge/faqs", new FaqRequest([new FaqEntry("Do you ship to Canada?", "Yes, in ten days.")]));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<List<AcceptedDocument>>(Json);
        Assert.Equal(1, (await WaitForLoadedAsync(acme, accepted![0].Id)).ChunkCount);
    }

    [Fact]
    public async Task Faqs_post_with_an_edited_question_replaces_the_entrys_document_and_delete_removes_it()
    {
        var acme = await app.ClientForNewTenantAsync("acme");

        var first = await acme.PostAsJsonAsync("/api/v1/knowledge/faqs", new FaqRequest([new FaqEntry("Do you ship to Canada?", "Yes, in ten days.", Id: "shipping-1")]));
        var firstId = (await first.Content.ReadFromJsonAsync<List<AcceptedDocument>>(Json))![0].Id;
        await WaitForLoadedAsync(acme, firstId);
        var edited = await acme.PostAsJsonAsync("/api/v1/knowledge/faqs", new FaqRequest([new FaqEntry("Do you ship to Mexico?", "Yes, in twelve days.", Id: "shipping-1")]));
        var editedId = (await edited.Content.ReadFromJsonAsync<List<AcceptedDocument>>(Json))![0].Id;
        var loaded = await WaitForLoadedAsync(acme, editedId);
        var documents = await acme.GetFromJsonAsync<List<DocumentView>>("/api/v1/knowledge/documents", Json);
        var search = await acme.GetFromJsonAsync<SearchResponse>("/api/v1/knowledge/search?q=ship%20Canada%20Mexico&k=5", Json);
        var deleted = await acme.DeleteAsync("/api/v1/knowledge/faqs/shipping-1");
        var afterDelete = await acme.GetFromJsonAsync<List<DocumentView>>("/api/v1/knowledge/documents", Json);

        Assert.Equal(firstId, editedId);
        Assert.Equal(DocumentStatus.Indexed, loaded.Status);
        var only = Assert.Single(documents!);
        Assert.Equal("Do you ship to Mexico?", only.Title);
        Assert.Equal(1, only.ChunkCount);
        var hit = Assert.Single(search!.Results);
        Assert.Contains("Mexico", hit.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Canada", hit.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(afterDelete!);
    }

    [Fact]
    public async Task Invalid_requests_answer_400_validation_problems_and_no_key_answers_401()
    {
        var acme = await app.ClientForNewTenantAsync("acme");

        var empty = await acme.PostAsJsonAsync("/api/v1/knowledge/documents", new DocumentRequest("Nothing", null, null, null));
        var badUrl = await acme.PostAsJsonAsync("/api/v1/knowledge/documents", new DocumentRequest("Bad", "ftp://example.test/x", null, null));
        var noQuery = await acme.GetAsync("/api/v1/knowledge/search");
        var anonymous = await app.AnonymousClient().GetAsync("/api/v1/knowledge/documents");

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("content", (await empty.Content.ReadFromJsonAsync<ValidationProblemDetails>(Json))!.Errors.Keys);
        Assert.Contains("url", (await badUrl.Content.ReadFromJsonAsync<ValidationProblemDetails>(Json))!.Errors.Keys);
        Assert.Contains("q", (await noQuery.Content.ReadFromJsonAsync<ValidationProblemDetails>(Json))!.Errors.Keys);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Loading_resumes_after_a_restart()
    {
        // A previous process accepted two documents and stopped before loading them.
        var connection = $"Data Source={Path.Combine(dataPath, "rose.db")}";
        await using (var before = await KnowledgeTestHost.StartAsync(StorageProvider.Sqlite, connection))
        {
            before.Scheduler.Paused = true;
            await before.SubmitAsync("acme", new DocumentSubmission("Notes", null, "notes.txt", "text/plain", TestDocuments.Utf8("Launch pads are sold separately.")));
            await before.SubmitAsync("acme", new DocumentSubmission(null, null, "support.docx", null, TestDocuments.Docx()));
            Assert.All(await before.AsTenantAsync("acme", i => i.ListAsync(CancellationToken.None)), d => Assert.Equal(DocumentStatus.Queued, d.Status));
        }

        await using var after = await KnowledgeApp.StartAsync(dataPath);
        var acme = await after.ClientForNewTenantAsync("acme");
        var ids = (await acme.GetFromJsonAsync<List<DocumentView>>("/api/v1/knowledge/documents", Json))!.Select(d => d.Id).ToList();

        Assert.Equal(2, ids.Count);
        foreach (var id in ids)
        {
            Assert.Equal(DocumentStatus.Indexed, (await WaitForLoadedAsync(acme, id)).Status);
        }
    }

    private static async Task<AcceptedDocument> UploadAsync(HttpClient client, string fileName, string contentType, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        var response = await client.PostAsync("/api/v1/knowledge/documents", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AcceptedDocument>(Json))!;
    }

    [Fact]
    public async Task Faq_entry_is_created_read_replaced_and_deleted_by_its_id_with_problems_for_bad_input()
    {
        var acme = await app.ClientForNewTenantAsync("acme");

        var created = await acme.PutAsJsonAsync("/api/v1/knowledge/faqs/pricing", new FaqEntryRequest("How much is the Classroom kit?", "390 euros.", null));
        var createdFaq = await created.Content.ReadFromJsonAsync<JsonElement>(Json);
        await WaitForLoadedAsync(acme, createdFaq.GetProperty("documentId").GetString()!);
        var replaced = await acme.PutAsJsonAsync("/api/v1/knowledge/faqs/pricing", new FaqEntryRequest("How much is the Classroom kit?", "420 euros.", "https://acme.test/pricing"));
        var read = await acme.GetFromJsonAsync<JsonElement>("/api/v1/knowledge/faqs/pricing", Json);
        var listed = await acme.GetFromJsonAsync<JsonElement>("/api/v1/knowledge/faqs", Json);
        using var empty = await acme.PutAsJsonAsync("/api/v1/knowledge/faqs/pricing", new FaqEntryRequest("", "420 euros.", null));
        using var missing = await acme.GetAsync("/api/v1/knowledge/faqs/no-such-entry");
        using var deleted = await acme.DeleteAsync("/api/v1/knowledge/faqs/pricing");
        using var gone = await acme.GetAsync("/api/v1/knowledge/faqs/pricing");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/knowledge/faqs/pricing", created.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("420 euros.", read.GetProperty("answer").GetString());
        Assert.Equal("https://acme.test/pricing", read.GetProperty("url").GetString());
        Assert.Equal("pricing", Assert.Single(listed.EnumerateArray()).GetProperty("faqId").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var problem = await empty.Content.ReadFromJsonAsync<ValidationProblemDetails>(Json);
        Assert.Equal(["Write the question."], problem!.Errors["question"]);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Reindex_of_one_document_or_all_answers_202_and_an_unknown_id_404()
    {
        var acme = await app.ClientForNewTenantAsync("acme");
        var response = await acme.PostAsJsonAsync("/api/v1/knowledge/documents", new DocumentRequest("Handbook", null, TestDocuments.Markdown, "text/markdown"));
        var accepted = await response.Content.ReadFromJsonAsync<AcceptedDocument>(Json);
        await WaitForLoadedAsync(acme, accepted!.Id);

        using var one = await acme.PostAsync($"/api/v1/knowledge/documents/{accepted.Id}/reindex", null);
        await WaitForLoadedAsync(acme, accepted.Id);
        using var all = await acme.PostAsync("/api/v1/knowledge/reindex", null);
        using var unknown = await acme.PostAsync("/api/v1/knowledge/documents/acme:nothing-here/reindex", null);

        Assert.Equal(HttpStatusCode.Accepted, one.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, all.StatusCode);
        Assert.Equal(1, (await all.Content.ReadFromJsonAsync<ReindexAccepted>(Json))!.Documents);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(DocumentStatus.Indexed, (await WaitForLoadedAsync(acme, accepted.Id)).Status);
    }

    private static async Task<DocumentView> WaitForLoadedAsync(HttpClient client, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var view = await client.GetFromJsonAsync<DocumentView>($"/api/v1/knowledge/documents/{id}", Json);
            if (view!.Status is DocumentStatus.Indexed or DocumentStatus.Failed || DateTime.UtcNow > deadline)
            {
                return view;
            }

            await Task.Delay(50);
        }
    }
}
