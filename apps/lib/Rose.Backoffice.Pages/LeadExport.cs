using System.Globalization;
using Microsoft.AspNetCore.Http;
using Rose.Backoffice.Pages.Components.Shared;
using Rose.Tagging;

namespace Rose.Backoffice.Pages;

/// <summary>The filtered leads list, hottest first, as CSV: one row per tagged conversation, its factors in one cell.</summary>
public static class LeadExport
{
    public static async Task WriteAsync(HttpContext context, RankedLeads leads, LeadQuery query)
    {
        await using var csv = CsvDownload.Start(context, "leads.csv");
        await csv.WriteRecordAsync(
            ["conversation_id", "score", "factors", "intent", "stage", "company", "company_domain", "matched_by", "email", "consent", "first_question", "last_activity_utc"],
            context.RequestAborted);
        foreach (var lead in await leads.ListAsync(query.ToFilter(), RankedLeads.MaxLimit, context.RequestAborted))
        {
            csv.WriteField(lead.ConversationId);
            csv.WriteField(lead.Score.Value.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(string.Join("; ", lead.Score.Factors.Select(f => $"{f.Points.ToString("+0;-0;0", CultureInfo.InvariantCulture)} {f.Reason}")));
            csv.WriteField(lead.Intent);
            csv.WriteField(lead.Stage);
            csv.WriteField(lead.Company?.Name ?? string.Empty);
            csv.WriteField(lead.Company?.Domain ?? string.Empty);
            csv.WriteField(lead.Company?.MatchedBy ?? string.Empty);
            csv.WriteField(lead.Email ?? string.Empty);
            csv.WriteField(Consent.Describe(lead.Consent));
            csv.WriteField(lead.FirstQuestion ?? string.Empty);
            csv.WriteField(lead.LastActivityAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            await csv.EndRecordAsync(context.RequestAborted);
        }

        await csv.FlushAsync(context.RequestAborted);
    }
}
