using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rose.Testing;
using Rose.Tenancy;
using Xunit;

namespace Rose.Backoffice.Tests;

/// <summary>The backoffice app as deployed on its own (Dapr/Kubernetes): the client's management API.</summary>
public sealed class BackofficeApiTests : IAsyncLifetime
{
    private readonly RoseAppFactory<Program> app = new();
    private string apiKey = string.Empty;

    public async Task InitializeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<TenantAdministration>()
            .CreateAsync(new NewTenant("acme", "Acme"), CancellationToken.None);
        apiKey = created.ApiKey;
    }

    [Fact]
    public async Task Skills_put_then_get_returns_the_tenants_skills()
    {
        using var client = Management(apiKey);

        var put = await client.PutAsJsonAsync("/api/v1/skills", new[]
        {
            new { id = "book-demo", type = "BookDemo", label = "Book a demo", description = "Book a live demo with our team", triggers = new[] { "demo" }, url = "https://cal.acme.test/demo", isContact = false },
        });
        var skills = await client.GetFromJsonAsync<JsonElement>("/api/v1/skills");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var skill = Assert.Single(skills.EnumerateArray());
        Assert.Equal("book-demo", skill.GetProperty("id").GetString());
        Assert.True(skill.GetProperty("enabled").GetBoolean(), "a skill put without \"enabled\" is offered");
    }

    [Fact]
    public async Task Conversations_are_listed_for_the_key_and_a_bad_page_or_id_gets_problem_details()
    {
        using var client = Management(apiKey);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/conversations");
        var badPage = await client.GetAsync("/api/v1/conversations?limit=0");
        var missing = await client.GetAsync("/api/v1/conversations/nope");

        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, list.GetProperty("next").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Equal("application/problem+json", badPage.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Widget_events_are_counted_per_day_and_type_for_the_keys_tenant_only()
    {
        string otherKey;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            otherKey = (await scope.ServiceProvider.GetRequiredService<TenantAdministration>().CreateAsync(new NewTenant("globex", "Globex"), CancellationToken.None)).ApiKey;
        }

        using var widget = app.CreateClient();
        widget.DefaultRequestHeaders.Add("X-Rose-Key", (await TenantAsync()).PublicKey);
        var recorded = await widget.PostAsJsonAsync("/rose/v1/events", new { events = new object[] { new { type = "open" }, new { type = "open" }, new { type = "cta_click" } } });
        using var client = Management(apiKey);
        using var other = Management(otherKey);

        var counts = await client.GetFromJsonAsync<JsonElement>("/api/v1/analytics/events?days=1");
        var othersCounts = await other.GetFromJsonAsync<JsonElement>("/api/v1/analytics/events?days=1");

        Assert.Equal(HttpStatusCode.Accepted, recorded.StatusCode);
        Assert.Equal(
            [("cta_click", 1), ("open", 2)],
            counts.EnumerateArray().Select(c => (c.GetProperty("type").GetString()!, c.GetProperty("count").GetInt32())));
        Assert.Equal(0, othersCounts.GetArrayLength());
    }

    [Fact]
    public async Task Management_api_refuses_a_wrong_key()
    {
        using var client = Management("rk_wrong_key_0123456789");

        var response = await client.GetAsync("/api/v1/conversations");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<TenantProfile> TenantAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<TenantDirectory>().FindByIdAsync("acme", CancellationToken.None))!;
    }

    private HttpClient Management(string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
