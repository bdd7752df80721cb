using CsvHelper;
using Microsoft.AspNetCore.Http;

namespace Rose.Backoffice.Pages;

/// <summary>Starts a CSV download: the response's headers and a writer whose cells never run as spreadsheet formulas.</summary>
public static class CsvDownload
{
    public static CsvWriter Start(HttpContext context, string fileName)
    {
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        // What a visitor typed must not run as a formula when the file is opened in a spreadsheet.
        return CsvWriter.Create(context.Response.Body, CsvWriterOptions.Default with { Injection = CsvInjection.Escape }, leaveOpen: true);
    }
}
