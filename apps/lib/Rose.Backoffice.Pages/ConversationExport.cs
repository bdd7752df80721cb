using System.Globalization;
using Microsoft.AspNetCore.Http;
using Rose.Backoffice.Pages.Components.Shared;
using Rose.Chat.Reports;

namespace Rose.Backoffice.Pages;

/// <summary>
/// The filtered conversation list as CSV, written page by page through the same keyset query as the
/// list, so an export of many conversations never holds them all in memory.
/// </summary>
public static class ConversationExport
{
    public const int MaxRows = 100_000;

    public static async Task WriteAsync(HttpContext context, ConversationReports reports, ConversationQuery query)
    {
        await using var csv = CsvDownload.Start(context, "conversations.csv");
        await csv.WriteRecordAsync(
            ["conversation_id", "last_activity_utc", "started_utc", "first_question", "company", "origin", "page", "messages", "unanswered", "email_left", "ended"],
            context.RequestAborted);
        var filter = query.ToFilter() with { Limit = ConversationFilter.MaxLimit };
        var written = 0;
        do
        {
            var page = await reports.ListAsync(filter, context.RequestAborted);
            foreach (var c in page.Items)
            {
                csv.WriteField(c.ConversationId);
                csv.WriteField(c.LastActivityAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                csv.WriteField(c.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                csv.WriteField(c.FirstQuestion ?? string.Empty);
                csv.WriteField(c.VisitorCompany ?? string.Empty);
                csv.WriteField(c.Origin ?? string.Empty);
                csv.WriteField(c.Page ?? string.Empty);
                csv.WriteField(c.MessageCount.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(c.Unanswered);
                csv.WriteField(c.EmailLeft);
                csv.WriteField(c.Ended);
                await csv.EndRecordAsync(context.RequestAborted);
            }

            written += page.Items.Count;
            filter = filter with { After = page.Next };
        }
        while (filter.After is not null && written < MaxRows);

        await csv.FlushAsync(context.RequestAborted);
    }
}
