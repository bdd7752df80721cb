using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rose.Chat.Events;
using Rose.Platform.PubSub;
using Rose.Storage.Outbox;
using Rose.Tagging.Data;
using Rose.Tagging.EventHandling;
using Rose.Tagging.Jobs;
using Rose.Testing;
using Xunit;

namespace Rose.Tagging.Tests;

/// <summary>
/// Lead intelligence end to end on the standalone host: conversations end when idle, the
/// <c>conversation.ended</c> consumer tags and scores them, the management API shows why.
/// </summary>
public sealed class LeadPipelineTests(LeadsHost host) : IClassFixture<LeadsHost>
{
    [Fact]
    public async Task A_pricing_request_for_200_seats_with_a_work_email_outscores_a_hello_and_says_why()
    {
        var (publicKey, apiKey) = await host.CreateTenantAsync("northwind-shop");
        var pricing = await host.ConverseAsync(publicKey, "ana.lopez@northwind-traders.com",
            "Hi, we are looking at tools for our sales team.",
            "What would it cost for 200 seats? We'd need a quote for an annual contract.");
        var hello = await host.ConverseAsync(publicKey, null, "hello");

        await host.EndIdleConversationsAsync();
        var hot = await host.LeadAsync(apiKey, pricing);
        var cold = await host.LeadAsync(apiKey, hello);

        Assert.Equal("pricing", hot.GetProperty("intent").GetString());
        Assert.Contains(hot.GetProperty("tags").EnumerateArray(), t => t.GetProperty("label").GetString() == "pricing" && t.GetProperty("group").GetString() == "intent");
        Assert.NotEqual("awareness", hot.GetProperty("stage").GetString());
        var hotScore = hot.GetProperty("score");
        var coldScore = cold.GetProperty("score");
        Assert.True(hotScore.GetProperty("value").GetInt32() >= coldScore.GetProperty("value").GetInt32() + 30, $"{hotScore} vs {coldScore}");
        var reasons = hotScore.GetProperty("factors").EnumerateArray().Select(f => f.GetProperty("reason").GetString()).ToList();
        Assert.Contains("asked for pricing", reasons);
        Assert.Contains("mentioned 200 seats or users", reasons);
        Assert.Contains("left an e-mail address", reasons);
        Assert.Contains("company identified: Northwind Traders (northwind-traders.com)", reasons);
        foreach (var score in new[] { hotScore, coldScore })
        {
            Assert.Equal(score.GetProperty("value").GetInt32(), score.GetProperty("factors").EnumerateArray().Sum(f => f.GetProperty("points").GetInt32()));
        }

        var company = hot.GetProperty("company");
        Assert.Equal("northwind-shop:northwind-traders.com", company.GetProperty("id").GetString());
        Assert.Equal("email-domain", company.GetProperty("matchedBy").GetString());
        Assert.Equal("other", cold.GetProperty("intent").GetString());
        Assert.Equal(JsonValueKind.Null, cold.GetProperty("company").ValueKind);

        // Hot (over the default threshold of 60): lead.qualified went through the runtime's pub/sub.
        await Eventually.UntilAsync(() => host.Qualified.Received.Any(q => q.ConversationId == pricing), TimeSpan.FromSeconds(10), "lead.qualified is delivered");
        Assert.DoesNotContain(host.Qualified.Received, q => q.ConversationId == hello);

        using var management = host.Management(apiKey);
        var pricingLeads = await management.GetFromJsonAsync<JsonElement>("/api/v1/leads?tag=pricing");
        Assert.Equal([pricing], pricingLeads.EnumerateArray().Select(l => l.GetProperty("conversationId").GetString()));
        var warm = await management.GetFromJsonAsync<JsonElement>("/api/v1/leads?minScore=30");
        Assert.Equal([pricing], warm.EnumerateArray().Select(l => l.GetProperty("conversationId").GetString()));
        var byCompany = await management.GetFromJsonAsync<JsonElement>("/api/v1/leads?company=northwind");
        Assert.Equal([pricing], byCompany.EnumerateArray().Select(l => l.GetProperty("conversationId").GetString()));
        var companies = await management.GetFromJsonAsync<JsonElement>("/api/v1/companies");
        var listed = Assert.Single(companies.EnumerateArray());
        Assert.Equal("Northwind Traders", listed.GetProperty("name").GetString());
        var details = await management.GetFromJsonAsync<JsonElement>("/api/v1/companies/northwind-shop:northwind-traders.com");
        Assert.Equal(["ana.lopez@northwind-traders.com"], details.GetProperty("contacts").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(hotScore.GetProperty("value").GetInt32(), details.GetProperty("company").GetProperty("bestScore").GetInt32());
    }

    [Fact]
    public async Task A_conversation_ended_twice_and_redelivered_is_tagged_once_and_qualifies_once()
    {
        var (publicKey, apiKey) = await host.CreateTenantAsync("twice");
        var id = await host.ConverseAsync(publicKey, "li@contoso.example", "Can we book a demo next week?", "We need pricing for 80 users too.");

        // Two replicas ending the same conversation publish two events, and pub/sub may deliver each
        // twice: four deliveries race, none of them sees a tagging yet.
        var ended = new[] { new ConversationEnded("twice", id, DateTimeOffset.UtcNow, "idle"), new ConversationEnded("twice", id, DateTimeOffset.UtcNow, "closed") };
        await Task.WhenAll(ended.Concat(ended).Select(e => Task.Run(async () =>
        {
            await using var scope = host.App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ConversationEndedTagging>().HandleAsync(e, CancellationToken.None);
        })));
        var first = await host.LeadAsync(apiKey, id);

        // Then the idle check ends it for real, through the outbox and the in-process pub/sub.
        await host.EndIdleConversationsAsync();
        var eventId = await host.AsTenantAsync("twice", services =>
            services.GetRequiredService<OutboxDbContext>().Set<OutboxMessage>().Where(m => m.Topic == "conversation.ended").Select(m => m.EventId).SingleAsync());
        var handled = host.App.Services.GetRequiredService<HandledEvents>();
        await Eventually.UntilAsync(() => handled.WasHandledAsync("twice", nameof(ConversationEndedTagging), eventId, CancellationToken.None),
            TimeSpan.FromSeconds(10), "the tagging handled conversation.ended");
        var again = await host.LeadAsync(apiKey, id);
        Assert.Equal(first.GetProperty("taggedAt").GetDateTimeOffset(), again.GetProperty("taggedAt").GetDateTimeOffset());
        var (rows, qualifications, staged) = await host.AsTenantAsync("twice", async services => (
            await services.GetRequiredService<TaggingDbContext>().Conversations.CountAsync(c => c.ConversationId == id),
            await services.GetRequiredService<TaggingDbContext>().Qualifications.CountAsync(),
            await services.GetRequiredService<OutboxDbContext>().Set<OutboxMessage>().CountAsync(m => m.Topic == "lead.qualified")));
        Assert.Equal((1, 1, 1), (rows, qualifications, staged));
        await Eventually.UntilAsync(() => host.Qualified.Received.Any(q => q.ConversationId == id), TimeSpan.FromSeconds(10), "lead.qualified is delivered");
        Assert.Single(host.Qualified.Received, q => q.ConversationId == id);
    }

    [Fact]
    public async Task Another_tenant_sees_none_of_the_leads_companies_or_retags()
    {
        var (publicKey, apiKey) = await host.CreateTenantAsync("owner");
        var (_, otherKey) = await host.CreateTenantAsync("intruder");
        var id = await host.ConverseAsync(publicKey, "eve@fabrikam.example", "How much does it cost per seat?");
        await host.EndIdleConversationsAsync();
        await host.LeadAsync(apiKey, id);

        using var other = host.Management(otherKey);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/conversations/{id}/lead")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/conversations/{id}/retag", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/api/v1/companies/owner:fabrikam.example")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/api/v1/companies/intruder:fabrikam.example")).StatusCode);
        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>("/api/v1/leads")).GetArrayLength());
        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>("/api/v1/companies")).GetArrayLength());
        using var anonymous = host.App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/leads")).StatusCode);
    }

    [Fact]
    public async Task Scoring_settings_are_validated_and_a_retag_applies_the_new_weights()
    {
        var (publicKey, apiKey) = await host.CreateTenantAsync("weights");
        var id = await host.ConverseAsync(publicKey, null, "What is the price of the Pro plan?");
        await host.EndIdleConversationsAsync();
        var before = await host.LeadAsync(apiKey, id);
        using var management = host.Management(apiKey);

        var invalid = await management.PutAsJsonAsync("/api/v1/scoring", new
        {
            profile = new { industries = new[] { "Software" }, sizeMin = 500, sizeMax = 100, countries = new[] { "France" } },
            weights = new Dictionary<string, int> { ["intent.pricing"] = 400, ["made.up"] = 5 },
            hotThreshold = 0,
        });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(
            ["hotThreshold", "profile.countries", "profile.sizeMin", "weights.intent.pricing", "weights.made.up"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        var saved = await management.PutAsJsonAsync("/api/v1/scoring", new
        {
            profile = new { industries = new[] { "Software" }, sizeMin = 50, sizeMax = 1000, countries = new[] { "fr" } },
            weights = new Dictionary<string, int> { ["intent.pricing"] = 40 },
            hotThreshold = 70,
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var settings = await management.GetFromJsonAsync<JsonElement>("/api/v1/scoring");
        Assert.Equal(40, settings.GetProperty("weights").GetProperty("intent.pricing").GetInt32());
        Assert.Equal(30, settings.GetProperty("weights").GetProperty("intent.demo-request").GetInt32());
        Assert.Equal(["FR"], settings.GetProperty("profile").GetProperty("countries").EnumerateArray().Select(c => c.GetString()));

        var retag = await management.PostAsync($"/api/v1/conversations/{id}/retag", null);
        Assert.Equal(HttpStatusCode.OK, retag.StatusCode);
        var after = await retag.Content.ReadFromJsonAsync<JsonElement>();
        static int Pricing(JsonElement lead) => lead.GetProperty("score").GetProperty("factors").EnumerateArray()
            .Single(f => f.GetProperty("key").GetString() == "intent.pricing").GetProperty("points").GetInt32();
        Assert.Equal(25, Pricing(before));
        Assert.Equal(40, Pricing(after));
        Assert.Equal(before.GetProperty("score").GetProperty("value").GetInt32() + 15, after.GetProperty("score").GetProperty("value").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await management.PostAsync("/api/v1/conversations/nope/retag", null)).StatusCode);
    }

    [Fact]
    public async Task A_visitor_who_comes_back_scores_the_return_visit_and_keeps_one_qualification()
    {
        var (publicKey, apiKey) = await host.CreateTenantAsync("returning");
        const string Browser = "b7c1f0e2a9d84c3f8e6a5b4c3d2e1f00";
        var first = await host.ConverseAsVisitorAsync(publicKey, Browser, null, "Can I get a demo of the platform?");
        await host.EndIdleConversationsAsync();
        await host.LeadAsync(apiKey, first);
        var second = await host.ConverseAsVisitorAsync(publicKey, Browser, null, "Hi again, we'd like that demo next Tuesday for 40 users.");
        await host.EndIdleConversationsAsync();

        var lead = await host.LeadAsync(apiKey, second);

        Assert.Contains(lead.GetProperty("score").GetProperty("factors").EnumerateArray(), f =>
            f.GetProperty("key").GetString() == "engagement.return-visit" && f.GetProperty("reason").GetString() == "came back after an earlier conversation");
        var qualified = await host.AsTenantAsync("returning", services => services.GetRequiredService<TaggingDbContext>().Qualifications.ToListAsync());
        Assert.Equal(["visitor:" + Browser], qualified.Select(q => q.VisitorKey));
        Assert.Equal(second, qualified[0].ConversationId);

        using var widget = host.App.CreateClient();
        widget.DefaultRequestHeaders.Add("X-Rose-Key", publicKey);
        var invalid = await widget.PostAsJsonAsync("/rose/v1/conversations", new { visitorId = "<script>" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("visitorId", out _));
    }

    [Fact]
    public async Task Erasure_by_visitor_id_or_email_removes_conversations_messages_emails_tags_and_scores()
    {
        var (publicKey, apiKey) = await host.CreateTenantAsync("erase");
        const string Browser = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
        var byVisitor = await host.ConverseAsVisitorAsync(publicKey, Browser, null, "Can we book a demo for 300 seats?");
        var byEmail = await host.ConverseAsync(publicKey, "Zoe@Initech.example", "What does it cost per user?");
        var kept = await host.ConverseAsync(publicKey, "sam@umbrella.example", "Do you integrate with HubSpot?");
        await host.EndIdleConversationsAsync();
        foreach (var id in new[] { byVisitor, byEmail, kept })
        {
            await host.LeadAsync(apiKey, id);
        }

        using var management = host.Management(apiKey);
        var visitor = await (await management.DeleteAsync($"/api/v1/visitors/{Browser}")).Content.ReadFromJsonAsync<JsonElement>();
        var email = await (await management.DeleteAsync("/api/v1/visitors?email=zoe@initech.example")).Content.ReadFromJsonAsync<JsonElement>();
        var invalid = await management.DeleteAsync("/api/v1/visitors");

        Assert.Equal((1, 1), (visitor.GetProperty("conversations").GetInt32(), visitor.GetProperty("taggedConversations").GetInt32()));
        Assert.Equal((1, 1, 1), (email.GetProperty("conversations").GetInt32(), email.GetProperty("leads").GetInt32(), email.GetProperty("taggedConversations").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var left = await host.AsTenantAsync("erase", async services =>
        {
            var chat = services.GetRequiredService<Rose.Chat.Data.ChatDbContext>();
            var tagging = services.GetRequiredService<TaggingDbContext>();
            return new
            {
                Conversations = await chat.Conversations.Select(c => c.Id).ToListAsync(),
                Messages = await chat.Messages.Select(m => m.ConversationId).Distinct().ToListAsync(),
                Leads = await chat.Leads.Select(l => l.Email).ToListAsync(),
                Tagged = await tagging.Conversations.Select(c => c.ConversationId).ToListAsync(),
                Tags = await tagging.Tags.Select(t => t.ConversationId).Distinct().ToListAsync(),
                Factors = await tagging.Factors.Select(f => f.ConversationId).Distinct().ToListAsync(),
                Qualified = await tagging.Qualifications.Select(q => q.ConversationId).ToListAsync(),
            };
        });
        Assert.Equal([kept], left.Conversations);
        Assert.Equal([kept], left.Messages);
        Assert.Equal(["sam@umbrella.example"], left.Leads);
        Assert.Equal([kept], left.Tagged);
        Assert.Equal([kept], left.Tags);
        Assert.Equal([kept], left.Factors);
        Assert.DoesNotContain(byVisitor, left.Qualified);
    }

    [Fact]
    public async Task Retag_job_tags_ended_conversations_whose_tagging_is_missing()
    {
        var (publicKey, apiKey) = await host.CreateTenantAsync("catch-up");
        var id = await host.ConverseAsync(publicKey, null, "Do you integrate with Salesforce?");
        await host.EndIdleConversationsAsync();
        await host.LeadAsync(apiKey, id);
        // As if the tagging had never run (an event lost before this module existed).
        await host.AsTenantAsync("catch-up", async services =>
        {
            var db = services.GetRequiredService<TaggingDbContext>();
            await db.Tags.ExecuteDeleteAsync();
            await db.Factors.ExecuteDeleteAsync();
            return await db.Conversations.ExecuteDeleteAsync();
        });
        using var management = host.Management(apiKey);
        Assert.Equal(HttpStatusCode.NotFound, (await management.GetAsync($"/api/v1/conversations/{id}/lead")).StatusCode);

        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ConversationRetagJob>().RunAsync(CancellationToken.None);
        }

        var lead = await management.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{id}/lead");
        Assert.Equal("integration", lead.GetProperty("intent").GetString());
        Assert.Equal("v1", lead.GetProperty("labelSetVersion").GetString());
    }
}
