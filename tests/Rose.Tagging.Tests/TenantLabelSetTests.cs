using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rose.Tagging.Jobs;
using Xunit;

namespace Rose.Tagging.Tests;

/// <summary>A tenant's own intent labels: validated, kept per tenant with a version, used by the classifier, retagged by the job.</summary>
public sealed class TenantLabelSetTests(LeadsHost host) : IClassFixture<LeadsHost>
{
    [Fact]
    public async Task PutIntentLabels_answers_problem_details_naming_each_bad_label()
    {
        var (_, apiKey) = await host.CreateTenantAsync("labels-invalid");
        using var management = host.Management(apiKey);

        var invalid = await management.PutAsJsonAsync("/api/v1/labels", new
        {
            intents = new[]
            {
                new { name = "Free Trial", description = "Wants to try it." },
                new { name = "pricing", description = "" },
                new { name = "pricing", description = "Asks what it costs." },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["intents", "intents[0].name", "intents[1].description", "intents[2].name"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("\"other\" cannot be removed", errors.GetProperty("intents")[0].GetString(), StringComparison.Ordinal);
        var unchanged = await management.GetFromJsonAsync<JsonElement>("/api/v1/labels");
        Assert.Equal("v1", unchanged.GetProperty("version").GetString());
    }

    [Fact]
    public async Task A_tenants_edited_labels_bump_its_version_and_the_retag_job_tags_its_conversations_with_them()
    {
        var (publicKey, apiKey) = await host.CreateTenantAsync("labels-school");
        var (_, otherApiKey) = await host.CreateTenantAsync("labels-untouched");
        var classroom = await host.ConverseAsync(publicKey, null, "Can schools, teachers and students use it in the classroom? Is there an education offer for schools?");
        await host.EndIdleConversationsAsync();
        var before = await host.LeadAsync(apiKey, classroom);
        Assert.Equal("v1", before.GetProperty("labelSetVersion").GetString());
        using var management = host.Management(apiKey);

        var saved = await management.PutAsJsonAsync("/api/v1/labels", new
        {
            intents = new[]
            {
                new { name = "pricing", description = "The visitor asks what it costs: prices, plans, quotes, licences, seats." },
                new { name = "education", description = "Schools, teachers and students asking about classroom use and education offers." },
                new { name = "other", description = "Anything else." },
            },
        });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var set = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("v1.r1", set.GetProperty("version").GetString());
        var intents = set.GetProperty("labels").EnumerateArray().Where(l => l.GetProperty("group").GetString() == "intent").Select(l => l.GetProperty("name").GetString()).ToList();
        Assert.Equal(["pricing", "education", "other"], intents);
        Assert.Contains(set.GetProperty("labels").EnumerateArray(), l => l.GetProperty("name").GetString() == "decision" && l.GetProperty("group").GetString() == "stage");

        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ConversationRetagJob>().RunAsync(CancellationToken.None);
        }

        var after = await management.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{classroom}/lead");
        Assert.Equal("v1.r1", after.GetProperty("labelSetVersion").GetString());
        Assert.Equal("education", after.GetProperty("intent").GetString());

        // A second save is a new version again; the other tenant still has the default set.
        var again = await management.PutAsJsonAsync("/api/v1/labels", new { intents = new[] { new { name = "education", description = "Schools and teachers." }, new { name = "other", description = "Anything else." } } });
        Assert.Equal("v1.r2", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString());
        using var other = host.Management(otherApiKey);
        var untouched = await other.GetFromJsonAsync<JsonElement>("/api/v1/labels");
        Assert.Equal("v1", untouched.GetProperty("version").GetString());
        Assert.Contains(untouched.GetProperty("labels").EnumerateArray(), l => l.GetProperty("name").GetString() == "careers");
    }

    [Fact]
    public async Task RankedLeads_lists_the_hottest_first_with_factors_and_email_and_filters_them()
    {
        var (publicKey, apiKey) = await host.CreateTenantAsync("ranked");
        var hello = await host.ConverseAsync(publicKey, null, "hello");
        var pricing = await host.ConverseAsync(publicKey, "ana@fabrikam-robotics.com", "What would 200 seats cost on an annual contract?");
        await host.EndIdleConversationsAsync();
        await host.LeadAsync(apiKey, hello);
        await host.LeadAsync(apiKey, pricing);

        var all = await host.AsTenantAsync("ranked", s => s.GetRequiredService<RankedLeads>().ListAsync(Api.LeadFilter.Any, 50, CancellationToken.None));
        Assert.Equal([pricing, hello], all.Select(l => l.ConversationId));
        var hot = all[0];
        Assert.Equal("ana@fabrikam-robotics.com", hot.Email);
        Assert.Equal("fabrikam-robotics.com", hot.Company?.Domain);
        Assert.Equal("What would 200 seats cost on an annual contract?", hot.FirstQuestion);
        Assert.Equal(hot.Score.Value, hot.Score.Factors.Sum(f => f.Points));
        Assert.Contains(hot.Score.Factors, f => f.Reason == "asked for pricing");
        Assert.Null(all[1].Email);

        var withEmail = await host.AsTenantAsync("ranked", s => s.GetRequiredService<RankedLeads>().ListAsync(new Api.LeadFilter(HasEmail: true), 50, CancellationToken.None));
        Assert.Equal([pricing], withEmail.Select(l => l.ConversationId));
        var withoutEmail = await host.AsTenantAsync("ranked", s => s.GetRequiredService<RankedLeads>().ListAsync(new Api.LeadFilter(HasEmail: false), 50, CancellationToken.None));
        Assert.Equal([hello], withoutEmail.Select(l => l.ConversationId));
        var other = await host.AsTenantAsync("ranked", s => s.GetRequiredService<RankedLeads>().ListAsync(new Api.LeadFilter(Intent: "other", MinScore: 0), 50, CancellationToken.None));
        Assert.Equal([hello], other.Select(l => l.ConversationId));
        var future = await host.AsTenantAsync("ranked", s => s.GetRequiredService<RankedLeads>().ListAsync(new Api.LeadFilter(From: DateTimeOffset.UtcNow.AddDays(1)), 50, CancellationToken.None));
        Assert.Empty(future);
        var notRanked = await host.AsTenantAsync("labels-invalid-none", s => s.GetRequiredService<RankedLeads>().ListAsync(Api.LeadFilter.Any, 50, CancellationToken.None));
        Assert.Empty(notRanked);
    }
}
