using System.Reflection;
using Rose.Testing.Browser;
using Xunit;

namespace Rose.Backoffice.Tests;

/// <summary>
/// Runs axe-core (the copy inside the Deque.AxeCore.Commons package) in the page Chromium shows, and
/// fails on any serious or critical WCAG violation, naming the rule and the elements.
/// </summary>
internal static class AxeScan
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var assembly = Assembly.Load("Deque.AxeCore.Commons");
        using var stream = assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
                           ?? throw new InvalidOperationException("axe.min.js is not inside Deque.AxeCore.Commons.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private const string Run =
        "var done = arguments[arguments.length - 1];" +
        "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })" +
        ".then(function (r) { done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })" +
        ".map(function (v) { return v.impact + ' ' + v.id + ': ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }).join('\\n')); })" +
        ".catch(function (e) { done('axe failed: ' + e); });";

    /// <summary>Scans the current page and keeps its screenshot as <paramref name="name"/>.png.</summary>
    public static void AssertAccessible(HeadlessChromium chromium, string name)
    {
        chromium.Screenshot(name);
        chromium.Driver.ExecuteScript(Source.Value + "\n;return null;");
        var violations = (string)chromium.Driver.ExecuteAsyncScript(Run)!;
        Assert.True(violations.Length == 0, $"{name}: serious or critical accessibility violations:\n{violations}");
    }
}
