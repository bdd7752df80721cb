using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Rose.Backoffice.Tests;

/// <summary>
/// The backoffice pages as a browser without JavaScript uses them: cookies kept, redirects not
/// followed (so tests see them), forms posted with the antiforgery token the page rendered.
/// </summary>
public sealed partial class BackofficeBrowserlessClient(WebApplicationFactory<Program> app) : IDisposable
{
    private readonly HttpClient http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(path);

    /// <summary>Opens the sign-in page and posts the form; returns the answer to the post.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password)
    {
        var form = await (await http.GetAsync("/backoffice/login")).Content.ReadAsStringAsync();
        return await http.PostAsync("/backoffice/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>Posts a form of the page at <paramref name="pagePath"/> to <paramref name="action"/>, with that page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pagePath, string action, Dictionary<string, string> fields)
    {
        var page = await PageAsync(pagePath);
        fields["__RequestVerificationToken"] = AntiforgeryToken(page);
        return await http.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public async Task<string> PageAsync(string path)
    {
        var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public void Dispose() => http.Dispose();

    private static string AntiforgeryToken(string html) =>
        Token().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("The form has no antiforgery token:\n" + html);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
