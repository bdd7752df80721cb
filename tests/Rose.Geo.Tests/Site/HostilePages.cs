using Rose.Geo.Site;

namespace Rose.Geo.Tests.Site;

/// <summary>Pages whose every text field tries to become markup or script.</summary>
internal static class HostilePages
{
    public static readonly DateTimeOffset Updated = new(2026, 11, 30, 9, 15, 0, TimeSpan.Zero);

    public static GeoPage Page(string slug, string question, string answer = "Rose answers from your own documents.", string topic = "Getting started") => new(
        "p-" + slug, slug, question, answer,
        [new GeoCitation("Install guide", "https://docs.example.com/install", "Run dotnet run.")],
        topic, Updated);

    public static IReadOnlyList<GeoPage> All() =>
    [
        new GeoPage(
            "p1", "how-to-install",
            "How do I install <script>alert('q')</script> Rose?",
            "Run it.\n<img src=x onerror=alert('a')> then <script>document.cookie</script>\n</script><script>alert(1)</script>",
            [
                new GeoCitation("<b onmouseover=alert(1)>Guide</b>", "javascript:alert('c')", "<script>alert('quote')</script>"),
                new GeoCitation("Real source", "https://docs.example.com/install?a=1&b=<x>", null),
                new GeoCitation("Data link", "data:text/html,<script>alert(2)</script>", null),
            ],
            "Setup <iframe src=javascript:alert(3)>",
            Updated),
        new GeoPage(
            "p2", "pricing",
            "What does it cost? \" onload=\"alert(4)",
            "It is free. ]]></loc><loc>https://evil.example/</loc> **bold** [link](javascript:alert(5))",
            [],
            "Pricing",
            Updated.AddDays(-3)),
    ];
}
