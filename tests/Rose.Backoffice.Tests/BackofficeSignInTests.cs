using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rose.Backoffice.Pages.Accounts;
using Rose.Chat.Data;
using Rose.Storage;
using Rose.Tagging;
using Rose.Tenancy;
using Rose.Testing;
using Xunit;

namespace Rose.Backoffice.Tests;

/// <summary>The backoffice app's pages over HTTP: sign-in rules, the tenant taken from the membership, text never rendered as markup.</summary>
public sealed class BackofficeSignInTests : IAsyncLifetime
{
    private const string OwnerEmail = "owner@acme.test";
    private const string OwnerPassword = "correct horse battery";

    private readonly RoseAppFactory<Program> app = new();

    public async Task InitializeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tenants = scope.ServiceProvider.GetRequiredService<TenantAdministration>();
        await tenants.CreateAsync(new NewTenant("acme", "Acme"), CancellationToken.None);
        await tenants.CreateAsync(new NewTenant("globex", "Globex"), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<BackofficeAccounts>().EnsureOwnerAsync("acme", OwnerEmail, OwnerPassword, CancellationToken.None);
        await SeedConversationAsync(scope.ServiceProvider, "acme", "acme-1", "<script>alert('x')</script> <img src=x onerror=alert(1)> How much?");
        await SeedConversationAsync(scope.ServiceProvider, "acme", "acme-2", "=HYPERLINK(\"https://evil.test\") is it free?");
        await SeedConversationAsync(scope.ServiceProvider, "globex", "globex-1", "Globex's secret question");
    }

    [Fact]
    public async Task Pages_redirect_to_the_sign_in_page_until_signed_in()
    {
        using var browser = new BackofficeBrowserlessClient(app);

        var response = await browser.GetAsync("/backoffice/conversations");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/backoffice/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_sets_an_http_only_lax_cookie_for_the_backoffice_and_opens_the_overview()
    {
        using var browser = new BackofficeBrowserlessClient(app);

        var signedIn = await browser.SignInAsync(OwnerEmail, OwnerPassword);
        var overview = await browser.PageAsync("/backoffice/");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("rose-backoffice=", StringComparison.Ordinal));
        Assert.Contains("path=/backoffice", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Acme", overview, StringComparison.Ordinal);
        Assert.Contains("conversations", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_carry_a_content_security_policy_without_inline_scripts_that_no_site_can_frame()
    {
        using var browser = new BackofficeBrowserlessClient(app);

        var response = await browser.GetAsync("/backoffice/login");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_message()
    {
        using var browser = new BackofficeBrowserlessClient(app);

        var wrongPassword = await (await browser.SignInAsync(OwnerEmail, "not the password at all")).Content.ReadAsStringAsync();
        var unknownEmail = await (await browser.SignInAsync("nobody@acme.test", "not the password at all")).Content.ReadAsStringAsync();

        Assert.Contains("That e-mail and password do not match an account.", wrongPassword, StringComparison.Ordinal);
        Assert.Contains("That e-mail and password do not match an account.", unknownEmail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_the_right_one_is_refused_too()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BackofficeAccounts>().EnsureOwnerAsync("acme", "locked@acme.test", OwnerPassword, CancellationToken.None);
        }

        using var browser = new BackofficeBrowserlessClient(app);
        for (var i = 0; i < 5; i++)
        {
            await browser.SignInAsync("locked@acme.test", "wrong password " + i);
        }

        var rightPassword = await browser.SignInAsync("locked@acme.test", OwnerPassword);

        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        Assert.Contains("do not match an account", await rightPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/backoffice/")).StatusCode);
    }

    [Fact]
    public async Task More_than_ten_sign_in_attempts_a_minute_from_one_address_get_429_but_the_form_still_shows()
    {
        using var browser = new BackofficeBrowserlessClient(app);
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < SignInRateLimitPolicy.AttemptsPerMinute + 1; i++)
        {
            answers.Add((await browser.SignInAsync($"guess{i}@acme.test", "not the password at all")).StatusCode);
        }

        Assert.All(answers.Take(SignInRateLimitPolicy.AttemptsPerMinute), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/backoffice/login")).StatusCode);
    }

    [Fact]
    public async Task Another_tenants_conversation_gets_the_same_404_as_a_missing_one()
    {
        using var browser = new BackofficeBrowserlessClient(app);
        await browser.SignInAsync(OwnerEmail, OwnerPassword);

        var other = await browser.GetAsync("/backoffice/conversations/globex-1");
        var missing = await browser.GetAsync("/backoffice/conversations/no-such-id");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var otherPage = await other.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret question", otherPage, StringComparison.Ordinal);
        Assert.Contains("<h1>Not found</h1>", otherPage, StringComparison.Ordinal);
        Assert.Equal(MainOf(await missing.Content.ReadAsStringAsync()), MainOf(otherPage));
    }

    [Fact]
    public async Task What_a_visitor_typed_is_shown_as_text_in_the_list_and_the_transcript()
    {
        using var browser = new BackofficeBrowserlessClient(app);
        await browser.SignInAsync(OwnerEmail, OwnerPassword);

        var list = await browser.PageAsync("/backoffice/conversations");
        var transcript = await browser.PageAsync("/backoffice/conversations/acme-1");

        foreach (var page in new[] { list, transcript })
        {
            Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Globex", list, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_export_has_the_tenants_filtered_conversations_with_formulas_neutralized()
    {
        using var browser = new BackofficeBrowserlessClient(app);
        await browser.SignInAsync(OwnerEmail, OwnerPassword);

        var response = await browser.GetAsync("/backoffice/conversations.csv");
        var filtered = await (await browser.GetAsync("/backoffice/conversations.csv?q=hyperlink")).Content.ReadAsStringAsync();
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("conversation_id,last_activity_utc,", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains("acme-1", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("globex", csv, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(", csv, StringComparison.Ordinal);
        Assert.Equal(2, filtered.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Leads_page_lists_the_tenants_scored_leads_with_their_email_and_conversation()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            foreach (var (tenant, conversation, email) in new[] { ("acme", "acme-1", "ann@wayne.test"), ("globex", "globex-1", "bob@globex.test") })
            {
                using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenant);
                var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
                db.Leads.Add(new Lead { Id = conversation + "-lead", Email = email, ConversationId = conversation, CreatedAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync();
                Assert.Equal(TaggingOutcome.Tagged, await scope.ServiceProvider.GetRequiredService<ConversationTagger>().TagAsync(conversation, TaggingMode.Retag, CancellationToken.None));
            }
        }

        using var browser = new BackofficeBrowserlessClient(app);
        await browser.SignInAsync(OwnerEmail, OwnerPassword);

        var page = await browser.PageAsync("/backoffice/leads");

        Assert.Contains("ann@wayne.test", page, StringComparison.Ordinal);
        Assert.Contains("href=\"conversations/acme-1\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("bob@globex.test", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_of_two_tenants_switches_between_them_but_not_to_a_third()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TenantAdministration>().CreateAsync(new NewTenant("initech", "Initech"), CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<BackofficeAccounts>().EnsureOwnerAsync("globex", OwnerEmail, OwnerPassword, CancellationToken.None);
        }

        using var browser = new BackofficeBrowserlessClient(app);
        await browser.SignInAsync(OwnerEmail, OwnerPassword);

        var toGlobex = await browser.PostFormAsync("/backoffice/", "/backoffice/tenant", new() { ["tenantId"] = "globex" });
        var globexList = await browser.PageAsync("/backoffice/conversations");
        await browser.PostFormAsync("/backoffice/", "/backoffice/tenant", new() { ["tenantId"] = "initech" });
        var afterRefused = await browser.PageAsync("/backoffice/conversations");

        Assert.Equal(HttpStatusCode.Redirect, toGlobex.StatusCode);
        Assert.Contains("secret question", globexList, StringComparison.Ordinal);
        Assert.DoesNotContain("How much?", globexList, StringComparison.Ordinal);
        Assert.Contains("secret question", afterRefused, StringComparison.Ordinal);
        Assert.DoesNotContain("Initech", afterRefused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_team_page_lists_the_members_for_an_owner_and_refuses_a_member_with_a_403_page()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BackofficeAccounts>()
                .EnsureMemberAsync("acme", "member@acme.test", OwnerPassword, MembershipRole.Member, CancellationToken.None);
        }

        using var owner = new BackofficeBrowserlessClient(app);
        await owner.SignInAsync(OwnerEmail, OwnerPassword);
        using var member = new BackofficeBrowserlessClient(app);
        await member.SignInAsync("member@acme.test", OwnerPassword);

        var team = await owner.PageAsync("/backoffice/team");
        var refused = await member.GetAsync("/backoffice/team");
        var forbidden = await member.GetAsync(refused.Headers.Location!.PathAndQuery);

        Assert.Contains("member@acme.test", MainOf(team), StringComparison.Ordinal);
        Assert.Contains(OwnerEmail, team, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/backoffice/forbidden", refused.Headers.Location.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("Only an owner of this tenant can open this page.", await forbidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"team\"", await member.PageAsync("/backoffice/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lead_settings_page_opens_for_an_owner_and_refuses_a_member_with_a_403_page()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BackofficeAccounts>()
                .EnsureMemberAsync("acme", "member@acme.test", OwnerPassword, MembershipRole.Member, CancellationToken.None);
        }

        using var owner = new BackofficeBrowserlessClient(app);
        await owner.SignInAsync(OwnerEmail, OwnerPassword);
        using var member = new BackofficeBrowserlessClient(app);
        await member.SignInAsync("member@acme.test", OwnerPassword);

        var settings = await owner.PageAsync("/backoffice/settings/leads");
        var refused = await member.GetAsync("/backoffice/settings/leads");
        var forbidden = await member.GetAsync(refused.Headers.Location!.PathAndQuery);

        Assert.Contains("Intent labels", MainOf(settings), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/backoffice/forbidden", refused.Headers.Location.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.DoesNotContain("href=\"settings/leads\"", await member.PageAsync("/backoffice/"), StringComparison.Ordinal);
        Assert.Contains("href=\"settings/leads\"", await owner.PageAsync("/backoffice/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lead_csv_export_needs_a_signed_in_user()
    {
        using var browser = new BackofficeBrowserlessClient(app);

        var response = await browser.GetAsync("/backoffice/leads.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Csv_export_needs_a_signed_in_user()
    {
        using var browser = new BackofficeBrowserlessClient(app);

        var response = await browser.GetAsync("/backoffice/conversations.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private static string MainOf(string html) =>
        html[html.IndexOf("<main", StringComparison.Ordinal)..(html.IndexOf("</main>", StringComparison.Ordinal) + "</main>".Length)];

    private static async Task SeedConversationAsync(IServiceProvider services, string tenantId, string id, string question)
    {
        using var _ = services.GetRequiredService<ICurrentTenant>().Use(tenantId);
        var db = services.GetRequiredService<ChatDbContext>();
        var now = DateTimeOffset.UtcNow;
        db.Conversations.Add(new Conversation { Id = id, TokenHash = new string('0', 64), MessageCount = 2, CreatedAt = now, LastActivityAt = now });
        db.Messages.Add(new ConversationMessage { Id = id + "-1", ConversationId = id, Sequence = 1, Text = question, CreatedAt = now });
        db.Messages.Add(new ConversationMessage
        {
            Id = id + "-2", ConversationId = id, Sequence = 2, Role = ConversationMessage.AssistantRole, Text = "See the pricing page.", CreatedAt = now,
            Citations = [new StoredCitation { Number = 1, Title = "Evil link", Url = "javascript:alert(1)", DocumentId = "d", ChunkId = "c" }],
        });
        await db.SaveChangesAsync();
    }
}
