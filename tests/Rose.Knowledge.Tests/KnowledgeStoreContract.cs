using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rose.Knowledge.Data;
using Rose.Knowledge.Faqs;
using Rose.Knowledge.Ingestion;
using Rose.Knowledge.Tests.Fixtures;
using Rose.Storage;
using Xunit;

namespace Rose.Knowledge.Tests;

/// <summary>
/// Loading, replacing, deleting and searching documents, run once per provider (SQLite file,
/// real PostgreSQL), through the module's registration and migrations, with real MiniLM vectors.
/// </summary>
public abstract class KnowledgeStoreContract : IAsyncLifetime
{
    private const string Acme = "acme";
    private const string Globex = "globex";

    protected KnowledgeTestHost Host { get; private set; } = null!;

    protected abstract StorageProvider Provider { get; }

    protected abstract Task<string> CreateDatabaseAsync();

    public async Task InitializeAsync() => Host = await KnowledgeTestHost.StartAsync(Provider, await CreateDatabaseAsync());

    public async Task DisposeAsync() => await Host.DisposeAsync();

    [Fact]
    public async Task Submit_indexes_markdown_with_heading_path_and_verbatim_url()
    {
        var view = await Host.SubmitAsync(Acme, new DocumentSubmission(null, "https://acme.test/handbook#pricing", "handbook.md", "text/markdown", TestDocuments.Utf8(TestDocuments.Markdown)));

        var stored = await FindAsync(Acme, view.Id);
        Assert.Equal(DocumentStatus.Indexed, stored!.Status);
        Assert.True(stored.ChunkCount >= 3);
        Assert.Equal("Acme Rockets handbook", stored.Title);

        var hits = await Host.SearchAsync(Acme, "How much does the Classroom kit cost?");
        var best = hits[0];
        Assert.Contains("390 euros", best.Text, StringComparison.Ordinal);
        Assert.Equal(["Acme Rockets handbook", "Pricing"], best.HeadingPath);
        Assert.Equal("https://acme.test/handbook#pricing", best.SourceUrl);
        Assert.Equal(view.Id, best.DocumentId);
        Assert.StartsWith("acme:", best.ChunkId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_indexes_every_format_with_pages_for_pdf()
    {
        var html = await Host.SubmitAsync(Acme, new DocumentSubmission(null, null, "delivery.html", null, TestDocuments.Utf8(TestDocuments.Html)));
        var pdf = await Host.SubmitAsync(Acme, new DocumentSubmission("Warranty", null, "warranty.pdf", "application/pdf", TestDocuments.Pdf()));
        var docx = await Host.SubmitAsync(Acme, new DocumentSubmission(null, null, "support.docx", null, TestDocuments.Docx()));
        var text = await Host.SubmitAsync(Acme, new DocumentSubmission("Notes", null, "notes.txt", "text/plain", TestDocuments.Utf8("Launch pads are sold separately.\n\nThey weigh two kilograms.")));

        foreach (var view in new[] { html, pdf, docx, text })
        {
            var stored = await FindAsync(Acme, view.Id);
            Assert.True(stored!.Status == DocumentStatus.Indexed, $"{view.Title}: {stored.Status} {stored.Error}");
        }

        var warranty = (await Host.SearchAsync(Acme, "How long is the launcher warranty?"))[0];
        Assert.Equal(pdf.Id, warranty.DocumentId);
        Assert.Equal(2, warranty.Page);
        var support = (await Host.SearchAsync(Acme, "support opening hours"))[0];
        Assert.Equal(docx.Id, support.DocumentId);
        Assert.Equal(["Support hours"], support.HeadingPath);
        var returns = await Host.SearchAsync(Acme, "Shop navigation link footer", 10);
        Assert.DoesNotContain(returns, p => p.Text.Contains("navigation", StringComparison.Ordinal) || p.Text.Contains("footer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resubmit_of_unchanged_content_is_a_no_op()
    {
        var first = await Host.SubmitAsync(Acme, Markdown(TestDocuments.Markdown));
        var chunkIds = await ChunkIdsAsync(Acme);

        var second = await Host.SubmitAsync(Acme, Markdown(TestDocuments.Markdown));

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(chunkIds, await ChunkIdsAsync(Acme));
        Assert.Equal(DocumentStatus.Indexed, (await FindAsync(Acme, first.Id))!.Status);
    }

    [Fact]
    public async Task Resubmit_of_changed_content_replaces_chunks_without_duplicates()
    {
        var first = await Host.SubmitAsync(Acme, Markdown(TestDocuments.Markdown));
        var oldChunks = await ChunkIdsAsync(Acme);

        var changed = TestDocuments.Markdown.Replace("390 euros", "420 euros", StringComparison.Ordinal);
        var second = await Host.SubmitAsync(Acme, Markdown(changed));

        Assert.Equal(first.Id, second.Id);
        var newChunks = await ChunkIdsAsync(Acme);
        Assert.Equal(oldChunks.Count, newChunks.Count);
        Assert.Empty(newChunks.Intersect(oldChunks));
        var hits = await Host.SearchAsync(Acme, "Classroom kit price", 10);
        Assert.Contains(hits, h => h.Text.Contains("420 euros", StringComparison.Ordinal));
        Assert.DoesNotContain(hits, h => h.Text.Contains("390 euros", StringComparison.Ordinal));
        Assert.Single(await Host.AsTenantAsync(Acme, i => i.ListAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task Delete_removes_chunks_vectors_graph_and_search_hits()
    {
        var view = await Host.SubmitAsync(Acme, Markdown(TestDocuments.Markdown));
        var keep = await Host.SubmitAsync(Acme, new DocumentSubmission("Notes", null, "notes.txt", "text/plain", TestDocuments.Utf8("Launch pads are sold separately.")));
        Assert.NotEmpty(await Host.SearchAsync(Acme, "Classroom kit"));
        Assert.True((await CountsAsync(Acme, view.Id)).Mentions > 0);

        Assert.True(await Host.AsTenantAsync(Acme, i => i.DeleteAsync(view.Id, CancellationToken.None)));

        Assert.Equal((0, 0, 0), await CountsAsync(Acme, view.Id));
        Assert.Null(await FindAsync(Acme, view.Id));
        var hits = await Host.SearchAsync(Acme, "Classroom kit rockets pricing", 10);
        Assert.All(hits, h => Assert.Equal(keep.Id, h.DocumentId));
    }

    [Fact]
    public async Task Tenant_never_sees_another_tenants_documents_or_chunks()
    {
        var secret = await Host.SubmitAsync(Acme, Markdown(TestDocuments.Markdown));
        await Host.SubmitAsync(Globex, new DocumentSubmission("Globex", null, "globex.txt", "text/plain", TestDocuments.Utf8("Globex sells industrial pumps.")));

        var globexHits = await Host.SearchAsync(Globex, "Classroom kit price rockets", 10);
        Assert.All(globexHits, h => Assert.StartsWith("globex:", h.DocumentId, StringComparison.Ordinal));
        Assert.Null(await Host.AsTenantAsync(Globex, i => i.FindAsync(secret.Id, CancellationToken.None)));
        Assert.Null(await Host.AsTenantAsync(Globex, i => i.FindAsync(secret.Id.Split(':')[1], CancellationToken.None)));
        Assert.False(await Host.AsTenantAsync(Globex, i => i.DeleteAsync(secret.Id.Split(':')[1], CancellationToken.None)));
        Assert.Equal(DocumentStatus.Indexed, (await FindAsync(Acme, secret.Id))!.Status);
        Assert.Empty(await Host.SearchAsync("initech", "Classroom kit"));
    }

    [Fact]
    public async Task Corrupt_pdf_fails_alone_with_a_reason()
    {
        var good = await Host.SubmitAsync(Acme, Markdown(TestDocuments.Markdown));
        var bad = await Host.SubmitAsync(Acme, new DocumentSubmission("Broken", null, "broken.pdf", "application/pdf", TestDocuments.CorruptPdf()));

        var failed = await FindAsync(Acme, bad.Id);
        Assert.Equal(DocumentStatus.Failed, failed!.Status);
        Assert.Contains("PDF could not be read", failed.Error, StringComparison.Ordinal);
        Assert.Equal(0, failed.ChunkCount);
        Assert.Equal(DocumentStatus.Indexed, (await FindAsync(Acme, good.Id))!.Status);
        Assert.NotEmpty(await Host.SearchAsync(Acme, "Classroom kit"));
    }

    [Fact]
    public async Task Oversized_upload_fails_with_the_limit_in_its_reason()
    {
        await using var small = await KnowledgeTestHost.StartAsync(Provider, await CreateDatabaseAsync(), new Dictionary<string, string?> { ["Rose:Knowledge:MaxDocumentBytes"] = "2048" });

        var view = await small.SubmitAsync(Acme, new DocumentSubmission("Big", null, "big.txt", "text/plain", new byte[4096]));

        Assert.Equal(DocumentStatus.Failed, view.Status);
        Assert.Contains("limit", view.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Faq_entries_are_one_chunk_each()
    {
        var views = await Host.AsTenantAsync(Acme, i => i.SubmitFaqsAsync(
            [new FaqEntry("Do you ship to Canada?", "Yes, shipping to Canada takes ten days."), new FaqEntry("Can I pay by invoice?", "Schools can pay by invoice within 30 days.")],
            CancellationToken.None));

        foreach (var view in views)
        {
            Assert.Equal(1, (await FindAsync(Acme, view.Id))!.ChunkCount);
        }

        var hit = (await Host.SearchAsync(Acme, "shipping to Canada"))[0];
        Assert.Contains("ten days", hit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Faq_entry_saved_by_id_is_listed_read_replaced_and_deleted_for_its_tenant_only()
    {
        var created = await FaqsAsync(Acme, f => f.SaveAsync("shipping", new FaqEntry(" Do you ship to Canada? ", "Yes, in ten days."), CancellationToken.None));
        var edited = await FaqsAsync(Acme, f => f.SaveAsync("shipping", new FaqEntry("Do you ship to Mexico?", "Yes, in twelve days.", "https://acme.test/shipping"), CancellationToken.None));

        Assert.True(created.Created);
        Assert.Equal("Do you ship to Canada?", created.Faq.Question);
        Assert.False(edited.Created);
        Assert.Equal(created.Faq.DocumentId, edited.Faq.DocumentId);
        var listed = Assert.Single(await FaqsAsync(Acme, f => f.ListAsync(CancellationToken.None)));
        Assert.Equal(("shipping", "Do you ship to Mexico?", "Yes, in twelve days.", "https://acme.test/shipping", DocumentStatus.Indexed),
            (listed.FaqId, listed.Question, listed.Answer, listed.Url, listed.Status));
        Assert.Equal(listed, await FaqsAsync(Acme, f => f.FindAsync("shipping", CancellationToken.None)));
        var hits = await Host.SearchAsync(Acme, "Do you ship to Mexico?", 10);
        Assert.Contains("twelve days", hits[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(hits, h => h.Text.Contains("ten days", StringComparison.Ordinal));

        Assert.Null(await FaqsAsync(Globex, f => f.FindAsync("shipping", CancellationToken.None)));
        Assert.Null(await FaqsAsync(Globex, f => f.FindAsync(listed.DocumentId.Split(':')[1], CancellationToken.None)));
        Assert.False(await FaqsAsync(Globex, f => f.DeleteAsync("shipping", CancellationToken.None)));
        Assert.Empty(await FaqsAsync(Globex, f => f.ListAsync(CancellationToken.None)));

        Assert.True(await FaqsAsync(Acme, f => f.DeleteAsync("shipping", CancellationToken.None)));
        Assert.Null(await FaqsAsync(Acme, f => f.FindAsync("shipping", CancellationToken.None)));
        Assert.Empty(await FaqsAsync(Acme, f => f.ListAsync(CancellationToken.None)));
        Assert.Empty(await Host.SearchAsync(Acme, "Do you ship to Mexico?"));
    }

    [Fact]
    public async Task Faq_entry_sent_without_an_id_is_edited_by_its_document_id_and_bad_input_is_refused_per_field()
    {
        var sent = await Host.AsTenantAsync(Acme, i => i.SubmitFaqsAsync([new FaqEntry("Can I pay by invoice?", "Schools can.")], CancellationToken.None));
        var legacy = Assert.Single(await FaqsAsync(Acme, f => f.ListAsync(CancellationToken.None)));

        var saved = await FaqsAsync(Acme, f => f.SaveAsync(legacy.FaqId, new FaqEntry("Can I pay by invoice?", "Schools can pay by invoice within 30 days."), CancellationToken.None));
        var invalid = await Assert.ThrowsAsync<KnowledgeValidationException>(() =>
            FaqsAsync(Acme, f => f.SaveAsync("refunds", new FaqEntry(" ", new string('a', FaqEntry.MaxAnswerLength + 1), "ftp://acme.test"), CancellationToken.None)));
        var badId = await Assert.ThrowsAsync<KnowledgeValidationException>(() =>
            FaqsAsync(Acme, f => f.SaveAsync("not an id!", new FaqEntry("Question?", "Answer."), CancellationToken.None)));

        Assert.Equal(sent[0].Id.Split(':')[1], legacy.FaqId);
        Assert.False(saved.Created);
        var only = Assert.Single(await FaqsAsync(Acme, f => f.ListAsync(CancellationToken.None)));
        Assert.Equal((sent[0].Id, "Schools can pay by invoice within 30 days."), (only.DocumentId, only.Answer));
        Assert.Equal(only, await FaqsAsync(Acme, f => f.FindAsync(legacy.FaqId, CancellationToken.None)));
        Assert.Equal(["answer", "question", "url"], invalid.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Write the question."], invalid.Errors["question"]);
        Assert.Contains($"at most {FaqEntry.MaxAnswerLength}", invalid.Errors["answer"][0], StringComparison.Ordinal);
        Assert.Equal(["id"], badId.Errors.Keys);
    }

    [Fact]
    public async Task Reindex_loads_a_document_again_from_scratch_and_reindex_all_queues_every_document()
    {
        var view = await Host.SubmitAsync(Acme, Markdown(TestDocuments.Markdown));
        await Host.AsTenantAsync(Acme, i => i.SubmitFaqsAsync([new FaqEntry("Do you ship to Canada?", "Yes, in ten days.")], CancellationToken.None));
        var before = await ChunkIdsAsync(Acme);

        var again = await Host.AsTenantAsync<DocumentReindexing, DocumentView?>(Acme, r => r.ReindexAsync(view.Id, CancellationToken.None));
        var afterOne = await ChunkIdsAsync(Acme);
        var all = await Host.AsTenantAsync<DocumentReindexing, int>(Acme, r => r.ReindexAllAsync(CancellationToken.None));
        var afterAll = await ChunkIdsAsync(Acme);

        Assert.Equal(view.Id, again!.Id);
        Assert.Equal(DocumentStatus.Indexed, (await FindAsync(Acme, view.Id))!.Status);
        // Chunks get new ids when a document is indexed again, and keep theirs when a load finds it unchanged.
        Assert.Equal(before.Count, afterOne.Count);
        Assert.Single(afterOne.Intersect(before));
        Assert.Equal(2, all);
        Assert.Empty(afterAll.Intersect(afterOne));
        Assert.Null(await Host.AsTenantAsync<DocumentReindexing, DocumentView?>(Globex, r => r.ReindexAsync(view.Id, CancellationToken.None)));
        Assert.Equal(0, await Host.AsTenantAsync<DocumentReindexing, int>(Globex, r => r.ReindexAllAsync(CancellationToken.None)));
        Assert.NotEmpty(await Host.SearchAsync(Acme, "Classroom kit"));
    }

    protected static DocumentSubmission Markdown(string text) => new(null, "https://acme.test/handbook", "handbook.md", "text/markdown", TestDocuments.Utf8(text));

    protected Task<T> FaqsAsync<T>(string tenantId, Func<FaqEntries, Task<T>> action) => Host.AsTenantAsync(tenantId, action);

    protected Task<DocumentView?> FindAsync(string tenantId, string id) => Host.AsTenantAsync(tenantId, i => i.FindAsync(id, CancellationToken.None));

    private async Task<List<string>> ChunkIdsAsync(string tenantId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
        return await scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>().Chunks.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
    }

    private async Task<(int Chunks, int Mentions, int Relations)> CountsAsync(string tenantId, string compositeId)
    {
        var local = compositeId.Split(':')[1];
        await using var scope = Host.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
        return (await db.Chunks.CountAsync(c => c.DocumentId == local),
            await db.Mentions.CountAsync(m => m.DocumentId == local),
            await db.Relations.CountAsync(r => r.DocumentId == local));
    }
}
