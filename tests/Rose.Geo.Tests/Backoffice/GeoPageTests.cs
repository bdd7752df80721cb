using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Rose.Backoffice.Pages.Accounts;
using Rose.Geo.Tests.Support;
using Xunit;

namespace Rose.Geo.Tests.Backoffice;

/// <summary>
/// The backoffice GEO page as a browser without JavaScript uses it, on the standalone host (the one
/// host that runs the GEO workflow in process): a member starts a run, reviews its draft through the
/// page's forms (antiforgery token included), and the run publishes.
/// </summary>
public sealed partial class GeoPageTests : IDisposable
{
    private const string Email = "member@demo.test";
    private const string Password = "correct horse battery";

    private readonly string dataPath = Directory.CreateTempSubdirectory("rose-geo-page-").FullName;

    [Fact]
    public async Task Geo_page_approves_a_draft_and_the_run_publishes_it()
    {
        await using var host = await GeoHost.StartAsync(dataPath, new RecordingSitePublisher());
        await host.SeedAsync(DemoQuestions.RunWithDapr.Concat(DemoQuestions.SlaGap).Select(q => new VisitorQuestionSeed(q)));
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BackofficeAccounts>().EnsureMemberAsync(GeoHost.Tenant, Email, Password, MembershipRole.Member, CancellationToken.None);
        }

        using var browser = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await PageAsync(browser, "/backoffice/login");
        using var signedIn = await PostAsync(browser, "/backoffice/login", login, new() { ["_handler"] = "sign-in", ["Input.Email"] = Email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var empty = await PageAsync(browser, "/backoffice/geo");
        Assert.Contains("href=\"geo\"", empty, StringComparison.Ordinal);
        Assert.Contains("No run yet", empty, StringComparison.Ordinal);
        using var started = await PostAsync(browser, "/backoffice/geo", empty, new() { ["_handler"] = "start" });
        Assert.Contains("The run has started", await started.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var instanceId = (await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/geo/runs"))[0].GetProperty("instanceId").GetString()!;
        await host.WaitForStatusAsync(instanceId, "awaiting-review");

        var review = await PageAsync(browser, "/backoffice/geo");
        Assert.Contains("Review queue", review, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(DemoQuestions.RunWithDapr[0]), review, StringComparison.Ordinal);
        Assert.Contains("class=\"citations\"", review, StringComparison.Ordinal);
        Assert.Contains("Content gaps", review, StringComparison.Ordinal);
        // Each gap has "answer it" into the FAQ editor, with the gap's question filled in.
        Assert.Matches("<a class=\"answer-it\" href=\"knowledge/faqs/new\\?question=[^\"]*SLA[^\"]*\"", review);
        var pageId = WebUtility.HtmlDecode(Assert.Single(PageIdField().Matches(review)).Groups[1].Value);
        var fields = new Dictionary<string, string> { ["_handler"] = "review-" + pageId, ["instanceId"] = instanceId, ["pageId"] = pageId };

        using var emptyEdit = await PostAsync(browser, "/backoffice/geo", review, new(fields) { ["action"] = "edit", ["answer"] = " " });
        Assert.Contains("The edited answer is empty", await emptyEdit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var approved = await PostAsync(browser, "/backoffice/geo", review, new(fields) { ["action"] = "approve", ["answer"] = "" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Contains("The draft is approved.", await approved.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await host.WaitForStatusAsync(instanceId, "published");
        var done = await PageAsync(browser, "/backoffice/geo");
        Assert.Contains("status-published", done, StringComparison.Ordinal);
        Assert.Contains($"/geo/{GeoHost.Tenant}/", done, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        // SQLite keeps pooled connections to the data files open; release them so the folder can go.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataPath, recursive: true);
    }

    private static async Task<string> PageAsync(HttpClient browser, string path)
    {
        using var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a form with the antiforgery token that <paramref name="page"/> rendered, as the browser would.</summary>
    private static Task<HttpResponseMessage> PostAsync(HttpClient browser, string action, string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        return browser.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"pageId\" value=\"([^\"]+)\"")]
    private static partial Regex PageIdField();
}
