using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Rose.Testing;
using Xunit;

namespace Rose.Tenancy.Tests;

public sealed class TenancyApiTests(RoseAppFactory<Program> app) : IClassFixture<RoseAppFactory<Program>>
{
    [Fact]
    public async Task Widget_config_answers_with_the_demo_settings_for_the_public_key()
    {
        var response = await app.CreateClient().SendAsync(WidgetRequest(RoseAppFactory<Program>.DemoPublicKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var config = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("demo", config.GetProperty("tenantId").GetString());
        Assert.Equal("Rose", config.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Widget_key_is_also_accepted_as_a_query_parameter()
    {
        var response = await app.CreateClient().GetAsync($"/rose/v1/widget/config?key={RoseAppFactory<Program>.DemoPublicKey}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pk_unknown_key_000000000000000")]
    [InlineData("not-a-key")]
    [InlineData("pk_'; DROP TABLE tenants; --")]
    [InlineData("rk_test_demo_api_key_0123456789abcdef")]
    public async Task Widget_call_gets_401_problem_when_key_is_missing_unknown_or_malformed(string? key)
    {
        var response = await app.CreateClient().SendAsync(WidgetRequest(key));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Widget_call_gets_403_problem_when_origin_is_not_allowed()
    {
        var tenant = await CreateTenantAsync("origins", ["https://www.acme.test"]);

        var allowed = await app.CreateClient().SendAsync(WidgetRequest(tenant.PublicKey, "https://www.acme.test"));
        var forbidden = await app.CreateClient().SendAsync(WidgetRequest(tenant.PublicKey, "https://evil.test"));
        var otherPort = await app.CreateClient().SendAsync(WidgetRequest(tenant.PublicKey, "https://www.acme.test:8443"));

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        await AssertProblemAsync(forbidden, HttpStatusCode.Forbidden);
        await AssertProblemAsync(otherPort, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Management_call_resolves_the_tenant_from_the_bearer_api_key()
    {
        var tenant = await CreateTenantAsync("managed", ["https://managed.test"]);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tenant.ApiKey);

        var profile = await client.GetFromJsonAsync<JsonElement>("/api/v1/tenant");

        Assert.Equal("managed", profile.GetProperty("tenantId").GetString());
        Assert.False(profile.TryGetProperty("apiKeyHash", out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer")]
    [InlineData("Bearer rk_unknown_0000000000000000000")]
    [InlineData("Bearer pk_test_demo_public_key_0123456789")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Management_call_gets_401_problem_without_a_valid_api_key(string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tenant");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await app.CreateClient().SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Rotating_the_api_key_revokes_the_old_one_at_once()
    {
        var tenant = await CreateTenantAsync("rotating", []);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tenant.ApiKey);

        var rotated = await client.PostAsync("/api/v1/tenant/api-key", null);
        var newKey = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString();
        var withOld = await client.GetAsync("/api/v1/tenant");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", newKey);
        var withNew = await client.GetAsync("/api/v1/tenant");

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        await AssertProblemAsync(withOld, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
    }

    [Fact]
    public async Task Widget_settings_update_rejects_bad_input_and_keeps_the_stored_settings()
    {
        var tenant = await CreateTenantAsync("widgets", []);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tenant.ApiKey);

        var bad = await client.PutAsJsonAsync("/api/v1/tenant/widget", new { name = "", greeting = "Hi", primaryColor = "red", textColor = "#ffffff", language = "en" });
        var profile = await client.GetFromJsonAsync<JsonElement>("/api/v1/tenant");

        var errors = (await AssertProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("widget.name", out _));
        Assert.True(errors.TryGetProperty("widget.primaryColor", out _));
        Assert.Equal("#c2185b", profile.GetProperty("widget").GetProperty("primaryColor").GetString());
    }

    [Fact]
    public async Task Staff_api_refuses_callers_without_the_staff_key()
    {
        var anonymous = await app.CreateClient().PostAsJsonAsync("/admin/v1/tenants", new { tenantId = "nope", name = "Nope" });
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RoseAppFactory<Program>.DemoApiKey);
        var tenantKey = await client.PostAsJsonAsync("/admin/v1/tenants", new { tenantId = "nope", name = "Nope" });

        await AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        await AssertProblemAsync(tenantKey, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Staff_api_rejects_an_invalid_tenant_id_with_a_validation_problem()
    {
        var response = await StaffClient().PostAsJsonAsync("/admin/v1/tenants", new { tenantId = "Not A Slug!", name = "x" });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Widget_api_answers_a_cors_preflight_from_any_site_without_a_key()
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/rose/v1/conversations");
        preflight.Headers.Add("Origin", "https://www.client.test");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "x-rose-key, content-type");

        var response = await app.CreateClient().SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("https://www.client.test", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("X-Rose-Key", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Widget_response_to_an_allowed_origin_carries_the_cors_header()
    {
        var tenant = await CreateTenantAsync("cors", ["https://www.cors.test"]);

        var response = await app.CreateClient().SendAsync(WidgetRequest(tenant.PublicKey, "https://www.cors.test"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://www.cors.test", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Health_answers_200_once_the_demo_docs_are_loaded()
    {
        // /health is readiness: 503 while the demo documentation is still being indexed.
        using var client = app.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var response = await client.GetAsync("/health", timeout.Token);
        while (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            await Task.Delay(200, timeout.Token);
            response = await client.GetAsync("/health", timeout.Token);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive", timeout.Token)).StatusCode);
    }

    private HttpClient StaffClient()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RoseAppFactory<Program>.StaffKey);
        return client;
    }

    private async Task<(string PublicKey, string ApiKey)> CreateTenantAsync(string tenantId, string[] origins)
    {
        var response = await StaffClient().PostAsJsonAsync("/admin/v1/tenants", new { tenantId, name = tenantId, allowedOrigins = origins });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("tenant").GetProperty("publicKey").GetString()!, created.GetProperty("apiKey").GetString()!);
    }

    private static HttpRequestMessage WidgetRequest(string? key, string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/rose/v1/widget/config");
        if (key is not null)
        {
            request.Headers.Add("X-Rose-Key", key);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return request;
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }
}
