using System.Net;
using System.Net.Http.Headers;
using Xunit;
using Xunit.Abstractions;

namespace Rose.Widget.Tests;

/// <summary>How /rose/widget.js and /demo are served, over plain HTTP.</summary>
[Collection(StandaloneHostCollection.Name)]
public sealed class WidgetAssetHttpTests(StandaloneHostFixture host, ITestOutputHelper log)
{
    private const int GzipBudgetBytes = 25 * 1024;

    [Fact]
    public async Task Widget_script_is_served_gzipped_under_25_KB()
    {
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = host.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/rose/widget.js");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var gzipped = await client.SendAsync(request);
        var compressed = await gzipped.Content.ReadAsByteArrayAsync();
        var plain = await client.GetByteArrayAsync("/rose/widget.js");

        log.WriteLine($"widget.js: {compressed.Length / 1024.0:F1} KB gzipped ({compressed.Length} bytes), {plain.Length / 1024.0:F1} KB plain; budget {GzipBudgetBytes / 1024} KB gzipped");
        Console.WriteLine($"widget.js: {compressed.Length} bytes gzipped, {plain.Length} bytes plain");
        Assert.Equal(HttpStatusCode.OK, gzipped.StatusCode);
        Assert.Equal("gzip", Assert.Single(gzipped.Content.Headers.ContentEncoding));
        Assert.Equal("application/javascript; charset=utf-8", gzipped.Content.Headers.ContentType!.ToString());
        Assert.True(compressed.Length < GzipBudgetBytes, $"widget.js is {compressed.Length} bytes gzipped, over the {GzipBudgetBytes}-byte budget");
        Assert.DoesNotContain("__ROSE_CSS__", System.Text.Encoding.UTF8.GetString(plain), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Widget_script_answers_304_when_the_client_has_the_current_etag()
    {
        using var client = new HttpClient { BaseAddress = host.Address };
        using var first = await client.GetAsync("/rose/widget.js");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Contains("max-age", first.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/rose/widget.js");
        again.Headers.IfNoneMatch.Add(etag);
        using var revalidated = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Demo_page_embeds_the_demo_key_under_a_self_only_content_security_policy()
    {
        using var client = new HttpClient { BaseAddress = host.Address };
        using var page = await client.GetAsync("/demo");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"data-rose-key=\"{StandaloneHostFixture.PublicKey}\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/rose/widget.js\"", html, StringComparison.Ordinal);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("*", csp, StringComparison.Ordinal);
    }
}
