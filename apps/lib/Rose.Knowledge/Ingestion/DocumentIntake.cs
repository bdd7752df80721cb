using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rose.Knowledge.Data;
using Rose.Knowledge.Events;
using Rose.Knowledge.Faqs;
using Rose.Knowledge.Parsing;
using Rose.Knowledge.Retrieval;
using Rose.Knowledge.Sources;
using Rose.Knowledge.VectorStores;
using Rose.Platform.PubSub;
using Rose.Storage;

namespace Rose.Knowledge.Ingestion;

/// <summary>
/// Accepts documents for the current tenant, records them as queued and schedules their loading.
/// Submitting the same source again (same URL, file name or FAQ question) targets the same
/// document: unchanged content then ends as a no-op, changed content replaces the chunks.
/// </summary>
public sealed class DocumentIntake(
    KnowledgeDbContext db,
    ICurrentTenant currentTenant,
    IDocumentLoadingScheduler scheduler,
    SitemapReader sitemaps,
    GoogleDriveClient drive,
    IOptions<GoogleDriveOptions> driveOptions,
    KnowledgeIndexCache cache,
    IVectorStore vectorStore,
    IOptions<KnowledgeOptions> options,
    TimeProvider time)
{
    private string TenantId => currentTenant.TenantId ?? throw new TenantRequiredException();

    public async Task<DocumentView> SubmitAsync(DocumentSubmission submission, CancellationToken cancellationToken)
    {
        var url = ValidUrl(submission.Url, "url");
        if (submission.Content is null)
        {
            if (url is null)
            {
                throw new KnowledgeValidationException(new Dictionary<string, string[]>
                {
                    ["content"] = ["Send a file, inline content, or a url to fetch."],
                });
            }

            return await UpsertAsync(url.ToString(), submission.Title, null, submission.Url!.Trim(), null, DocumentOrigin.Url, null, cancellationToken);
        }

        var sourceKey = url?.ToString() ?? (submission.FileName is { Length: > 0 } file ? "file:" + file : null)
            ?? (submission.Title is { Length: > 0 } t ? "title:" + t : null)
            ?? throw KnowledgeValidationException.For("title", "Give the document a title, a file name or a url.");
        var contentType = submission.ContentType is { Length: > 0 } ct && ct != "application/octet-stream"
            ? ct
            : DocumentFormats.Detect(null, submission.FileName ?? submission.Url) is { } format ? DocumentFormats.MediaType(format) : submission.ContentType;
        var fallbackTitle = Path.GetFileNameWithoutExtension(submission.FileName) ?? url?.ToString();
        return await UpsertAsync(sourceKey, submission.Title, fallbackTitle, submission.Url?.Trim() is { Length: > 0 } verbatim ? verbatim : null, contentType, DocumentOrigin.Upload, submission.Content, cancellationToken);
    }

    public async Task<IReadOnlyList<DocumentView>> SubmitFaqsAsync(IReadOnlyList<FaqEntry> entries, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < entries.Count; i++)
        {
            FaqEntryValidation.Check(entries[i], $"faqs[{i}].", errors);
        }

        if (entries.Where(e => e.Id is not null).GroupBy(e => e.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            errors["faqs"] = [$"The id '{duplicate.Key}' appears twice."];
        }

        if (entries.Count == 0)
        {
            errors["faqs"] = ["Send at least one FAQ entry."];
        }

        if (errors.Count > 0)
        {
            throw new KnowledgeValidationException(errors);
        }

        var views = new List<DocumentView>(entries.Count);
        foreach (var entry in entries)
        {
            var key = entry.Id is { } id ? FaqKeys.ForId(id) : FaqKeys.ForQuestion(TextNormalizer.Collapse(entry.Question));
            var payload = JsonSerializer.SerializeToUtf8Bytes(entry with { Question = entry.Question.Trim(), Answer = entry.Answer.Trim() });
            views.Add(await UpsertAsync(key, entry.Question.Trim(), null, string.IsNullOrWhiteSpace(entry.Url) ? null : entry.Url.Trim(), "application/json", DocumentOrigin.Faq, payload, cancellationToken));
        }

        return views;
    }

    public async Task<IReadOnlyList<DocumentView>> SubmitSitemapAsync(string? sitemapUrl, CancellationToken cancellationToken)
    {
        var url = ValidUrl(sitemapUrl, "url") ?? throw KnowledgeValidationException.For("url", "Give the sitemap's url.");
        IReadOnlyList<Uri> pages;
        try
        {
            pages = await sitemaps.ReadAsync(url, cancellationToken);
        }
        catch (DocumentRejectedException e)
        {
            throw KnowledgeValidationException.For("url", e.Message);
        }

        var views = new List<DocumentView>(pages.Count);
        foreach (var page in pages)
        {
            views.Add(await UpsertAsync(page.ToString(), null, null, page.ToString(), null, DocumentOrigin.Url, null, cancellationToken));
        }

        return views;
    }

    /// <summary>
    /// Loads the files of a Google Drive folder (Docs exported as HTML, uploaded PDF/DOCX/Markdown/text
    /// as they are). A file that cannot be downloaded becomes a failed document with its reason.
    /// </summary>
    public async Task<IReadOnlyList<DocumentView>> SubmitGoogleDriveFolderAsync(string? folderId, string? accessToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(folderId))
        {
            throw KnowledgeValidationException.For("folderId", "Give the id of the Drive folder to load.");
        }

        var token = string.IsNullOrWhiteSpace(accessToken) ? driveOptions.Value.AccessToken : accessToken;
        if (string.IsNullOrWhiteSpace(token))
        {
            throw KnowledgeValidationException.For("accessToken", "Give an OAuth access token with the drive.readonly scope, or configure Rose:Knowledge:GoogleDrive:AccessToken.");
        }

        IReadOnlyList<GoogleDriveFile> files;
        try
        {
            files = await drive.ListFolderAsync(folderId, token, cancellationToken);
        }
        catch (Exception e) when (e is DocumentRejectedException or HttpRequestException)
        {
            throw KnowledgeValidationException.For("folderId", e.Message);
        }

        var views = new List<DocumentView>();
        foreach (var file in files.Where(f => f.MimeType == GoogleDriveFile.GoogleDocument || DocumentFormats.Detect(f.MimeType, f.Name) is not null))
        {
            var key = "drive:" + file.Id;
            try
            {
                var content = await drive.DownloadAsync(file, token, cancellationToken);
                views.Add(await UpsertAsync(key, null, file.Name, file.WebViewLink, content.ContentType, DocumentOrigin.Drive, content.Content, cancellationToken));
            }
            catch (Exception e) when (e is DocumentRejectedException or HttpRequestException)
            {
                views.Add(await RecordFailureAsync(key, file.Name, file.WebViewLink, DocumentOrigin.Drive, e.Message, cancellationToken));
            }
        }

        return views;
    }

    public async Task<IReadOnlyList<DocumentView>> ListAsync(CancellationToken cancellationToken) =>
        // Ordered here: SQLite cannot order by DateTimeOffset.
        (await db.Documents.AsNoTracking().ToListAsync(cancellationToken)).OrderByDescending(d => d.CreatedAt).Select(DocumentView.From).ToList();

    public async Task<DocumentView?> FindAsync(string id, CancellationToken cancellationToken) =>
        LocalId(id) is { } local && await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == local, cancellationToken) is { } row
            ? DocumentView.From(row)
            : null;

    /// <summary>Removes the document and every trace of it: chunks, vectors, keyword postings (rebuilt from chunks), graph rows.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (LocalId(id) is not { } local)
        {
            return false;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var deleted = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The document row goes first: if it is being indexed right now, this waits for that
            // transaction, and the chunk deletes below then see (and remove) what it wrote.
            var removed = await db.Documents.Where(d => d.Id == local).ExecuteDeleteAsync(cancellationToken);
            if (removed == 0)
            {
                return false;
            }

            await DocumentLoadingSteps.DeleteContributionsAsync(db, local, cancellationToken);
            // Before the commit: if the vectors cannot be deleted, the document stays, whole, and the delete can be retried.
            await vectorStore.DeleteDocumentAsync(TenantId, local, cancellationToken);
            // Staged with the delete (the outbox): other replicas hear of it exactly when it committed.
            var updated = new KnowledgeUpdated(TenantId, TenantIds.Compose(TenantId, local), KnowledgeUpdated.Deleted);
            cache.RefreshesLocally(updated.Id);
            db.StageEvent(updated);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });
        if (deleted)
        {
            // Gone from this process's searches when the delete returns; other replicas follow on knowledge.updated.
            await cache.RefreshAsync(TenantId, cancellationToken);
        }

        return deleted;
    }

    /// <summary>The local id of a composite id of the current tenant; null for another tenant's id, which is then simply not found.</summary>
    private string? LocalId(string id) => DocumentIds.LocalOf(id, TenantId);

    private async Task<DocumentView> UpsertAsync(
        string sourceKey, string? title, string? fallbackTitle, string? url, string? contentType, DocumentOrigin origin, byte[]? payload, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var row = await db.Documents.SingleOrDefaultAsync(d => d.SourceKey == sourceKey, cancellationToken);
        if (row is null)
        {
            row = new KnowledgeDocument { Id = Guid.CreateVersion7().ToString("N"), SourceKey = sourceKey, CreatedAt = now };
            db.Documents.Add(row);
        }

        // The file name or URL is only a fallback: the title inside the document (front matter, <title>, PDF metadata) wins over it.
        row.Title = Truncate(string.IsNullOrWhiteSpace(title) ? fallbackTitle ?? url ?? sourceKey : title.Trim(), 500);
        row.TitleIsExplicit = !string.IsNullOrWhiteSpace(title);
        row.SourceUrl = url;
        row.ContentType = contentType;
        row.Origin = origin;
        row.UpdatedAt = now;
        var limit = options.Value.MaxDocumentBytes;
        if (payload is not null && payload.Length > limit)
        {
            // Too large to keep: the document fails alone, with the reason, and nothing is stored.
            row.Payload = null;
            row.Status = DocumentStatus.Failed;
            row.Error = $"The file is {payload.Length / 1024.0 / 1024.0:0.0} MB; the limit is {limit / 1024.0 / 1024.0:0.0} MB.";
            await db.SaveChangesAsync(cancellationToken);
            return DocumentView.From(row);
        }

        if (payload is not null && row.Status == DocumentStatus.Indexed && row.Payload is not null && payload.AsSpan().SequenceEqual(row.Payload))
        {
            // The same bytes again: nothing to load, the indexed chunks stay as they are.
            await db.SaveChangesAsync(cancellationToken);
            return DocumentView.From(row);
        }

        row.Payload = payload;
        row.Status = DocumentStatus.Queued;
        row.Error = null;
        await db.SaveChangesAsync(cancellationToken);
        await scheduler.ScheduleAsync(new DocumentRef(TenantId, row.Id), cancellationToken);
        return DocumentView.From(row);
    }

    private async Task<DocumentView> RecordFailureAsync(string sourceKey, string title, string? url, DocumentOrigin origin, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var row = await db.Documents.SingleOrDefaultAsync(d => d.SourceKey == sourceKey, cancellationToken);
        if (row is null)
        {
            row = new KnowledgeDocument { Id = Guid.CreateVersion7().ToString("N"), SourceKey = sourceKey, CreatedAt = now, Title = Truncate(title, 500) };
            db.Documents.Add(row);
        }

        row.SourceUrl = url;
        row.Origin = origin;
        row.Status = DocumentStatus.Failed;
        row.Error = Truncate(reason, 1000);
        row.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return DocumentView.From(row);
    }

    private static Uri? ValidUrl(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw KnowledgeValidationException.For(field, $"'{value}' is not an absolute http(s) URL.");
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
