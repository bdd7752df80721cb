using System.Net;
using System.Text.RegularExpressions;
using Markdig;

namespace Rose.Standalone;

/// <summary>
/// Serves Rose's own documentation (the demo knowledge base) as pages, so the demo's citations and
/// skills link somewhere real. The Markdown is ours and shipped with the binary, never user input.
/// </summary>
public static partial class DemoDocsEndpoints
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    public static IEndpointRouteBuilder MapDemoDocs(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/docs/{page}", async Task<IResult> (string page, HttpContext context, CancellationToken ct) =>
        {
            var file = Page().IsMatch(page) ? Path.Combine(DemoKnowledgeSeeder.DocsFolder, page + ".md") : null;
            if (file is null || !File.Exists(file))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such page", detail: $"There is no documentation page '{page}'.");
            }

            var markdown = await File.ReadAllTextAsync(file, ct);
            var title = markdown.Split('\n').FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim() ?? page;
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
            var html = $$"""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{{WebUtility.HtmlEncode(title)}} · Rose</title>
                <style>body{font:16px/1.6 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}code,pre{background:#f5f0f3;border-radius:4px}pre{padding:.75rem;overflow:auto}a{color:#c2185b}</style>
                </head><body>{{Markdig.Markdown.ToHtml(markdown, Markdown)}}</body></html>
                """;
            return TypedResults.Content(html, "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        return routes;
    }

    [GeneratedRegex("^[a-z0-9-]{1,64}$")]
    private static partial Regex Page();
}
