using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rose.Chat.Data;
using Rose.Storage;
using Rose.Testing;
using Xunit;

namespace Rose.Chat.Tests;

/// <summary>The management API's conversation list: keyset pages, filters, message search, the page of origin, tenant isolation.</summary>
public sealed class ConversationReportsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly RoseAppFactory<Program> app = new RoseAppFactory<Program>().With("Rose:Demo:Enabled", "false");
    private (string TenantId, string PublicKey, string ApiKey) acme;
    private (string TenantId, string PublicKey, string ApiKey) globex;

    public async Task InitializeAsync()
    {
        var client = new ChatClient(app);
        acme = await client.CreateTenantAsync("acme", "https://www.acme.test");
        globex = await client.CreateTenantAsync("globex", "https://www.globex.test");
        // Seven conversations an hour apart: c0 the oldest, c6 the newest.
        await SeedAsync(acme.TenantId, Enumerable.Range(0, 7).Select(i => new Seed(
            $"c{i}",
            i == 3 ? "Wayne Enterprises" : null,
            i == 4 ? "https://www.acme.test/pricing" : "https://www.acme.test/",
            i == 5 ? "Do you integrate with Salesforce?" : $"Question number {i}",
            Declined: i == 2,
            Email: i == 6 ? "ann@wayne.test" : null)));
        await SeedAsync(globex.TenantId, [new Seed("g0", "Globex", "https://www.globex.test/", "Do you integrate with Salesforce?", false, null)]);
    }

    [Fact]
    public async Task List_pages_follow_next_newest_first_without_gaps_or_repeats()
    {
        using var management = new ChatClient(app).Management(acme.ApiKey);

        var seen = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await management.GetFromJsonAsync<JsonElement>("/api/v1/conversations?limit=3" + (next is null ? "" : "&after=" + next));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("conversationId").GetString()!));
            next = page.GetProperty("next").GetString();
            pages++;
        }
        while (next is not null && pages < 10);

        Assert.Equal(["c6", "c5", "c4", "c3", "c2", "c1", "c0"], seen);
        Assert.Equal(3, pages);
    }

    [Theory]
    [InlineData("q=SALESFORCE", "c5")]
    [InlineData("answered=false", "c2")]
    [InlineData("email=true", "c6")]
    [InlineData("company=wayne", "c3")]
    [InlineData("origin=/pricing", "c4")]
    [InlineData("from=2026-11-02T11:30:00Z&to=2026-11-02T12:30:00Z", "c3")]
    public async Task List_filters_find_only_the_matching_conversation(string query, string expected)
    {
        using var management = new ChatClient(app).Management(acme.ApiKey);

        var page = await management.GetFromJsonAsync<JsonElement>("/api/v1/conversations?" + query);

        var only = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(expected, only.GetProperty("conversationId").GetString());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task Another_tenants_conversations_are_neither_listed_nor_found()
    {
        using var management = new ChatClient(app).Management(globex.ApiKey);

        var page = await management.GetFromJsonAsync<JsonElement>("/api/v1/conversations?q=salesforce");
        var acmes = await management.GetAsync("/api/v1/conversations/c5");

        Assert.Equal("g0", Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("conversationId").GetString());
        Assert.Equal(HttpStatusCode.NotFound, acmes.StatusCode);
    }

    [Fact]
    public async Task A_transcript_has_every_message_with_latency_model_and_the_email_left()
    {
        using var management = new ChatClient(app).Management(acme.ApiKey);

        var transcript = await management.GetFromJsonAsync<JsonElement>("/api/v1/conversations/c6");

        Assert.Equal("ann@wayne.test", Assert.Single(transcript.GetProperty("leadEmails").EnumerateArray()).GetString());
        var messages = transcript.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["visitor", "assistant"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal(120, messages[1].GetProperty("latencyMs").GetInt32());
        Assert.Equal("offline", messages[1].GetProperty("model").GetString());
        Assert.True(transcript.GetProperty("summary").GetProperty("emailLeft").GetBoolean());
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=201")]
    [InlineData("after=not-a-cursor")]
    [InlineData("from=2026-11-03T00:00:00Z&to=2026-11-02T00:00:00Z")]
    public async Task List_answers_a_bad_page_with_problem_details(string query)
    {
        using var management = new ChatClient(app).Management(acme.ApiKey);

        var response = await management.GetAsync("/api/v1/conversations?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Start_records_the_page_of_origin_of_the_widgets_own_site_only()
    {
        var client = new ChatClient(app);
        var (kept, _) = await client.StartAsync(acme.PublicKey, "https://www.acme.test/pricing?plan=pro#compare", "https://www.acme.test");
        var (dropped, _) = await client.StartAsync(acme.PublicKey, "https://evil.test/pricing", "https://www.acme.test");
        using var management = client.Management(acme.ApiKey);

        var keptPage = (await management.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{kept}")).GetProperty("summary").GetProperty("page");
        var droppedPage = (await management.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{dropped}")).GetProperty("summary").GetProperty("page");

        Assert.Equal("https://www.acme.test/pricing?plan=pro", keptPage.GetString());
        Assert.Equal(JsonValueKind.Null, droppedPage.ValueKind);
    }

    [Fact]
    public async Task Stats_and_days_count_the_tenants_conversations_of_the_period_in_one_pass()
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(acme.TenantId);
        var reports = scope.ServiceProvider.GetRequiredService<Rose.Chat.Reports.ConversationReports>();

        var all = await reports.StatsAsync(Start, Start.AddDays(1), CancellationToken.None);
        var firstThreeHours = await reports.StatsAsync(Start, Start.AddHours(3), CancellationToken.None);
        var days = await reports.ActiveByDayAsync(Start.AddDays(-1), Start.AddDays(1), CancellationToken.None);

        Assert.Equal(new Rose.Chat.Reports.ConversationStats(7, 1, 1), all);
        Assert.Equal(new Rose.Chat.Reports.ConversationStats(3, 1, 0), firstThreeHours);
        Assert.Equal(7, Assert.Single(days, d => d.Key == DateOnly.FromDateTime(Start.UtcDateTime)).Value);
        Assert.Single(days);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Visitor_questions_are_the_visitor_messages_of_the_period_with_the_names_left_in_the_lead_form()
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(acme.TenantId);
        var reports = scope.ServiceProvider.GetRequiredService<Rose.Chat.Reports.ConversationReports>();

        var questions = await reports.VisitorQuestionsAsync(Start.AddHours(4), Start.AddHours(7), 100, CancellationToken.None);

        // c4..c6 only (c3 is before the period), their visitor messages only, oldest first; not globex's Salesforce question.
        Assert.Equal(["c4", "c5", "c6"], questions.Select(q => q.ConversationId));
        Assert.Equal(["Question number 4", "Do you integrate with Salesforce?", "Question number 6"], questions.Select(q => q.Text));
        Assert.Equal(["Ann Wayne"], questions[2].VisitorNames);
        Assert.Empty(questions[0].VisitorNames);
        Assert.Equal(["c4"], (await reports.VisitorQuestionsAsync(Start.AddHours(4), Start.AddHours(7), 1, CancellationToken.None)).Select(q => q.ConversationId));
    }

    [Fact]
    public async Task Unanswered_questions_are_the_declined_ones_of_the_period_counted_by_their_words_most_asked_first()
    {
        // Seeded an hour apart from Start, like the seven above: d0..d3 at 09:00..12:00; c2 ("Question number 2") was declined at 11:00.
        await SeedAsync(acme.TenantId, [
            new Seed("d0", null, "https://www.acme.test/", "Do you ship to Mars?", Declined: true, null),
            new Seed("d1", null, "https://www.acme.test/", "do you  ship to MARS?", Declined: true, null),
            new Seed("d2", null, "https://www.acme.test/", "Do you ship to Mars?", Declined: false, null),
            new Seed("d3", null, "https://www.acme.test/", "What uptime do you guarantee?", Declined: true, null)]);
        await SeedAsync(globex.TenantId, [new Seed("g1", null, "https://www.globex.test/", "What uptime do you guarantee?", Declined: true, null)]);
        await using var scope = app.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(acme.TenantId);
        var reports = scope.ServiceProvider.GetRequiredService<Rose.Chat.Reports.ConversationReports>();

        var all = await reports.UnansweredQuestionsAsync(Start, Start.AddDays(1), 10, CancellationToken.None);
        var fromTen = await reports.UnansweredQuestionsAsync(Start.AddHours(1), Start.AddDays(1), 10, CancellationToken.None);
        var top = await reports.UnansweredQuestionsAsync(Start, Start.AddDays(1), 1, CancellationToken.None);

        Assert.Equal(
            [("do you  ship to MARS?", 2, Start.AddHours(1)), ("What uptime do you guarantee?", 1, Start.AddHours(3)), ("Question number 2", 1, Start.AddHours(2))],
            all.Select(q => (q.Question, q.Conversations, q.LastAskedAt)));
        Assert.Equal(["What uptime do you guarantee?", "Question number 2", "do you  ship to MARS?"], fromTen.Select(q => q.Question));
        Assert.Equal(1, fromTen[2].Conversations);
        Assert.Equal(["do you  ship to MARS?"], top.Select(q => q.Question));
    }

    private async Task SeedAsync(string tenantId, IEnumerable<Seed> seeds)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        var hour = 0;
        foreach (var seed in seeds)
        {
            var at = Start.AddHours(hour++);
            db.Conversations.Add(new Conversation
            {
                Id = seed.Id, TokenHash = new string('0', 64), Origin = new Uri(seed.Page).GetLeftPart(UriPartial.Authority), Page = seed.Page,
                VisitorCompany = seed.Company, MessageCount = 2, CreatedAt = at, LastActivityAt = at,
            });
            db.Messages.Add(new ConversationMessage { Id = seed.Id + "-1", ConversationId = seed.Id, Sequence = 1, Role = ConversationMessage.VisitorRole, Text = seed.Question, CreatedAt = at });
            db.Messages.Add(new ConversationMessage
            {
                Id = seed.Id + "-2", ConversationId = seed.Id, Sequence = 2, Role = ConversationMessage.AssistantRole,
                Text = seed.Declined ? "I don't know." : "Yes.", Declined = seed.Declined, LatencyMs = 120, Model = "offline", CreatedAt = at,
            });
            if (seed.Email is not null)
            {
                db.Leads.Add(new Lead { Id = seed.Id + "-lead", Email = seed.Email, Name = "Ann Wayne", ConversationId = seed.Id, CreatedAt = at });
            }
        }

        await db.SaveChangesAsync();
    }

    private sealed record Seed(string Id, string? Company, string Page, string Question, bool Declined, string? Email);
}
