using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Rose.Widget;

/// <summary>The widget's files, read once from this assembly's embedded resources.</summary>
public static class WidgetAssets
{
    /// <summary>The string literal in widget.js that stands for the stylesheet.</summary>
    private const string CssPlaceholder = "\"__ROSE_CSS__\"";

    private static readonly Lazy<StaticAsset> LazyScript = new(BuildScript);
    private static readonly Lazy<StaticAsset> LazyDemoStyles = new(() =>
        new StaticAsset(Encoding.UTF8.GetBytes(Read("demo.css")), "text/css; charset=utf-8", "public, max-age=300"));
    private static readonly Lazy<string> LazyDemoPage = new(() => Read("demo.html"));

    /// <summary>
    /// widget.js with widget.css inlined as a string, so a site makes one request. Sites embed a
    /// fixed URL, so it is cached briefly and revalidated by ETag rather than cached for a year.
    /// </summary>
    public static StaticAsset Script => LazyScript.Value;

    public static StaticAsset DemoStyles => LazyDemoStyles.Value;

    /// <summary>The demo page's HTML with a <c>{{PUBLIC_KEY}}</c> placeholder.</summary>
    public static string DemoPageTemplate => LazyDemoPage.Value;

    private static StaticAsset BuildScript()
    {
        var script = Read("widget.js");
        if (!script.Contains(CssPlaceholder, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"widget.js has no {CssPlaceholder} placeholder for its stylesheet.");
        }

        // A JSON string is a valid JavaScript string literal; the encoder escapes <, > and & as well.
        var css = JsonSerializer.Serialize(Read("widget.css"));
        var bytes = Encoding.UTF8.GetBytes(script.Replace(CssPlaceholder, css, StringComparison.Ordinal));
        return new StaticAsset(bytes, "application/javascript; charset=utf-8", "public, max-age=300, stale-while-revalidate=86400");
    }

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"The embedded resource {name} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
