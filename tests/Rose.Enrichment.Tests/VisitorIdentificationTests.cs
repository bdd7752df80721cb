using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rose.Chat.Jobs;
using Rose.Testing;
using Xunit;
using static Rose.Enrichment.Tests.HostRequests;

namespace Rose.Enrichment.Tests;

/// <summary>
/// Identification as the standalone host runs it, over real sockets (the visitor is 127.0.0.1): a
/// first turn queues the address, the cascade asks IPinfo once in the background, later turns and
/// the lead's score know the company.
/// </summary>
public sealed class VisitorIdentificationTests : IDisposable
{
    private readonly IpInfoStub ipinfo = new();

    [Fact]
    public async Task The_company_found_after_the_first_turn_reaches_the_conversation_and_its_score_with_one_lookup()
    {
        ipinfo.Company("127.0.0.1", "Globex Corporation", "globex.example", "business");
        await using var app = new RoseAppFactory<Program>()
            .With("Rose:Demo:Enabled", "false")
            .With("Rose:Chat:IdleAfter", "00:00:01")
            .With("Rose:Enrichment:IpInfo:Token", IpInfoStub.Token)
            .With("Rose:Enrichment:IpInfo:Endpoint", ipinfo.Api.Url + "/");
        app.UseKestrel(0);
        var (publicKey, apiKey) = await CreateTenantAsync(app, "globex-visit");

        var (id, token) = await StartAsync(app, publicKey);
        await AskAsync(app, publicKey, id, token, "What does the product cost?");
        await Eventually.UntilAsync(() => ipinfo.Calls("127.0.0.1") == 1, TimeSpan.FromSeconds(10), "the cascade asked IPinfo");
        await Task.Delay(200);
        await AskAsync(app, publicKey, id, token, "And is there a yearly plan?");
        var (other, otherToken) = await StartAsync(app, publicKey);
        await AskAsync(app, publicKey, other, otherToken, "Hello");

        using var management = app.CreateClient();
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var conversations = await management.GetFromJsonAsync<JsonElement>("/api/v1/conversations");
        var items = conversations.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, c => Assert.Equal("Globex Corporation", c.GetProperty("visitorCompany").GetString()));
        Assert.Equal(1, ipinfo.Calls("127.0.0.1"));

        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ConversationIdleCheckJob>().RunAsync(CancellationToken.None);
        }

        JsonElement lead = default;
        await Eventually.UntilAsync(async () =>
        {
            var response = await management.GetAsync($"/api/v1/conversations/{id}/lead");
            lead = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            return response.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(20), "the conversation is tagged");
        Assert.Equal("Globex Corporation", lead.GetProperty("company").GetProperty("name").GetString());
        Assert.Contains(lead.GetProperty("score").GetProperty("factors").EnumerateArray(), f => f.GetProperty("reason").GetString() == "company identified: Globex Corporation");
    }

    [Fact]
    public async Task Without_a_provider_no_address_is_sent_anywhere()
    {
        ipinfo.Company("127.0.0.1", "Globex Corporation", "globex.example", "business");
        await using var app = new RoseAppFactory<Program>().With("Rose:Demo:Enabled", "false");
        app.UseKestrel(0);
        var (publicKey, _) = await CreateTenantAsync(app, "no-provider");

        var (id, token) = await StartAsync(app, publicKey);
        await AskAsync(app, publicKey, id, token, "What does the product cost?");
        await AskAsync(app, publicKey, id, token, "And per year?");

        Assert.Equal(0, ipinfo.Calls("127.0.0.1"));
    }

    public void Dispose() => ipinfo.Dispose();
}
