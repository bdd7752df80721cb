using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rose.Crm.Linear.Data;
using Rose.Storage;
using Xunit;

namespace Rose.Crm.Tests.Linear;

/// <summary>
/// The Linear integration through the management API on the standalone host, against a stub of
/// Linear's GraphQL API: connecting (key and team checked, key never returned, stored encrypted),
/// a ticket from a conversation (the exact <c>issueCreate</c> request, idempotent) and Linear's
/// failures as problem details.
/// </summary>
public sealed class LinearApiTests : IAsyncLifetime
{
    private const string BackofficeUrl = "https://rose.example/";
    private const string Question = "Can Rose open a ticket for our engineers?";
    private readonly LinearStub linear = new();
    private readonly StandaloneHost host;
    private string publicKey = string.Empty;
    private string apiKey = string.Empty;

    public LinearApiTests() => host = StandaloneHost.Start(("Rose:Crm:Linear:BaseUrl", linear.Url), ("Rose:Crm:Linear:BackofficeUrl", BackofficeUrl));

    public async Task InitializeAsync() => (publicKey, apiKey) = await host.CreateTenantAsync("acme");

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        linear.Dispose();
    }

    [Fact]
    public async Task Put_checks_the_key_and_team_with_linear_stores_the_key_encrypted_and_get_never_returns_it()
    {
        using var staff = host.Management(apiKey);
        var put = await staff.PutAsJsonAsync("/api/v1/integrations/linear", new { apiKey = LinearStub.ApiKey, teamId = "ENG" });
        var putText = await put.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.DoesNotContain(LinearStub.ApiKey, putText, StringComparison.Ordinal);

        var check = Assert.Single(linear.Requests());
        Assert.Equal(LinearStub.ApiKey, check.RequestMessage.Headers!["Authorization"].Single());
        var body = JsonDocument.Parse(check.RequestMessage.Body!).RootElement;
        Assert.Contains("team(id: $teamId)", body.GetProperty("query").GetString(), StringComparison.Ordinal);
        Assert.Contains("viewer", body.GetProperty("query").GetString(), StringComparison.Ordinal);
        Assert.Equal("ENG", body.GetProperty("variables").GetProperty("teamId").GetString());

        var getText = await staff.GetStringAsync("/api/v1/integrations/linear");
        Assert.DoesNotContain(LinearStub.ApiKey, getText, StringComparison.Ordinal);
        var state = JsonDocument.Parse(getText).RootElement;
        Assert.True(state.GetProperty("connected").GetBoolean());
        Assert.Equal(LinearStub.TeamId, state.GetProperty("teamId").GetString());
        Assert.Equal(LinearStub.TeamKey, state.GetProperty("teamKey").GetString());

        var stored = await AsTenantAsync(db => db.Connections.AsNoTracking().SingleAsync());
        Assert.DoesNotContain(LinearStub.ApiKey, stored.ProtectedApiKey, StringComparison.Ordinal);
        Assert.NotEmpty(stored.ProtectedApiKey);

        var deleted = await staff.DeleteAsync("/api/v1/integrations/linear");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.False((await deleted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connected").GetBoolean());
        Assert.Equal(0, await AsTenantAsync(db => db.Connections.CountAsync()));
    }

    [Fact]
    public async Task Put_answers_problem_details_and_stores_nothing_when_linear_refuses_the_key_or_knows_no_such_team()
    {
        using var staff = host.Management(apiKey);
        var wrongKey = await staff.PutAsJsonAsync("/api/v1/integrations/linear", new { apiKey = "lin_api_revoked", teamId = "ENG" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongKey.StatusCode);
        Assert.Equal("application/problem+json", wrongKey.Content.Headers.ContentType?.MediaType);
        var keyProblem = await wrongKey.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("You need to authenticate", keyProblem.GetProperty("errors").GetProperty("apiKey")[0].GetString(), StringComparison.Ordinal);

        linear.OnTeamQuery(new
        {
            data = (object?)null,
            errors = new[] { new { message = "Entity not found: Team", path = new[] { "team" }, extensions = new { type = "invalid input", code = "INPUT_ERROR", userPresentableMessage = "Could not find referenced Team." } } },
        });
        var wrongTeam = await staff.PutAsJsonAsync("/api/v1/integrations/linear", new { apiKey = LinearStub.ApiKey, teamId = "NOPE" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongTeam.StatusCode);
        var teamProblem = await wrongTeam.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Could not find referenced Team.", teamProblem.GetProperty("errors").GetProperty("teamId")[0].GetString(), StringComparison.Ordinal);

        var missing = await staff.PutAsJsonAsync("/api/v1/integrations/linear", new { apiKey = "", teamId = "" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(2, linear.Requests().Count);
        Assert.False((await staff.GetFromJsonAsync<JsonElement>("/api/v1/integrations/linear")).GetProperty("connected").GetBoolean());
    }

    [Fact]
    public async Task Post_linear_issue_sends_issueCreate_with_the_transcript_and_its_link_and_a_second_post_makes_no_second_issue()
    {
        using var staff = host.Management(apiKey);
        var conversationId = await AskAsync(Question);
        var notConnected = await staff.PostAsync($"/api/v1/conversations/{conversationId}/linear-issue", null);
        Assert.Equal(HttpStatusCode.NotFound, notConnected.StatusCode);
        Assert.Equal("Linear is not connected", (await notConnected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        await ConnectAsync(staff);

        var created = await staff.PostAsync($"/api/v1/conversations/{conversationId}/linear-issue", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var issue = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(LinearStub.IssueIdentifier, issue.GetProperty("identifier").GetString());
        Assert.Equal(LinearStub.IssueUrl, issue.GetProperty("url").GetString());

        var request = Assert.Single(linear.Requests(), e => e.RequestMessage.Body!.Contains("issueCreate", StringComparison.Ordinal));
        Assert.Equal(LinearStub.ApiKey, request.RequestMessage.Headers!["Authorization"].Single());
        var body = JsonDocument.Parse(request.RequestMessage.Body!).RootElement;
        var query = body.GetProperty("query").GetString()!;
        Assert.StartsWith("mutation", query, StringComparison.Ordinal);
        Assert.Contains("issueCreate(input: $input)", query, StringComparison.Ordinal);
        Assert.Contains("$input: IssueCreateInput!", query, StringComparison.Ordinal);
        Assert.Contains("identifier", query, StringComparison.Ordinal);
        var input = body.GetProperty("variables").GetProperty("input");
        Assert.Equal(LinearStub.TeamId, input.GetProperty("teamId").GetString());
        Assert.Equal(Question, input.GetProperty("title").GetString());
        Assert.True(Guid.TryParse(input.GetProperty("id").GetString(), out _), input.ToString());
        var description = input.GetProperty("description").GetString()!;
        Assert.Contains($"({BackofficeUrl}backoffice/conversations/{conversationId})", description, StringComparison.Ordinal);
        Assert.Contains("> " + Question, description, StringComparison.Ordinal);
        Assert.Contains("**Visitor**", description, StringComparison.Ordinal);
        Assert.Contains("**Rose**", description, StringComparison.Ordinal);
        Assert.DoesNotContain("jane@", description, StringComparison.Ordinal);

        var again = await staff.PostAsync($"/api/v1/conversations/{conversationId}/linear-issue", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(LinearStub.IssueIdentifier, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("identifier").GetString());
        Assert.Single(linear.Bodies("issueCreate"));
        var found = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversationId}/linear-issue");
        Assert.Equal(LinearStub.IssueUrl, found.GetProperty("url").GetString());

        // Another tenant cannot see or make a ticket of this conversation.
        var (_, otherKey) = await host.CreateTenantAsync("globex");
        using var other = host.Management(otherKey);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/conversations/{conversationId}/linear-issue")).StatusCode);
        await ConnectAsync(other);
        var foreign = await other.PostAsync($"/api/v1/conversations/{conversationId}/linear-issue", null);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("No such conversation", (await foreign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Single(linear.Bodies("issueCreate"));
    }

    [Fact]
    public async Task Post_linear_issue_turns_graphql_errors_rate_limits_and_a_revoked_key_into_problem_details_and_retries_with_the_same_issue_id()
    {
        using var staff = host.Management(apiKey);
        await ConnectAsync(staff);
        var conversationId = await AskAsync(Question);
        var path = $"/api/v1/conversations/{conversationId}/linear-issue";

        linear.OnIssueCreate(200, new
        {
            data = (object?)null,
            errors = new[] { new { message = "Argument Validation Error", path = new[] { "issueCreate" }, extensions = new { type = "invalid input", code = "INVALID_INPUT", userPresentableMessage = "Title is too long." } } },
        });
        var refused = await staff.PostAsync(path, null);
        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        var refusedProblem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("refused", refusedProblem.GetProperty("linearFailure").GetString());
        Assert.Equal("Title is too long.", refusedProblem.GetProperty("detail").GetString());

        linear.ResetOverrides();
        var reset = DateTimeOffset.UtcNow.AddSeconds(90).ToUnixTimeMilliseconds();
        linear.OnIssueCreate(429, new
        {
            errors = new[] { new { message = "Rate limit exceeded", extensions = new { type = "ratelimited", code = "RATELIMITED", userPresentableMessage = "Too many requests, try again later." } } },
        }, new Dictionary<string, string>
        {
            ["X-RateLimit-Requests-Limit"] = "1500",
            ["X-RateLimit-Requests-Remaining"] = "0",
            ["X-RateLimit-Requests-Reset"] = reset.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var limited = await staff.PostAsync(path, null);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal("rate-limited", (await limited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("linearFailure").GetString());
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 60, 91);

        linear.ResetOverrides();
        linear.OnIssueCreate(401, new
        {
            errors = new[] { new { message = "Authentication required, not authenticated", extensions = new { type = "authentication error", code = "AUTHENTICATION_ERROR" } } },
        });
        var revoked = await staff.PostAsync(path, null);
        Assert.Equal(HttpStatusCode.BadGateway, revoked.StatusCode);
        var revokedProblem = await revoked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("key-rejected", revokedProblem.GetProperty("linearFailure").GetString());
        Assert.Equal("Linear refused the API key", revokedProblem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(path)).StatusCode);

        linear.ResetOverrides();
        var created = await staff.PostAsync(path, null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var attempts = linear.Bodies("issueCreate");
        Assert.Equal(4, attempts.Count);
        var ids = attempts.Select(b => b.GetProperty("variables").GetProperty("input").GetProperty("id").GetString()).Distinct().ToList();
        Assert.Single(ids);
    }

    private async Task ConnectAsync(HttpClient staff)
    {
        var put = await staff.PutAsJsonAsync("/api/v1/integrations/linear", new { apiKey = LinearStub.ApiKey, teamId = LinearStub.TeamKey });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    private async Task<string> AskAsync(string question)
    {
        var (conversationId, token) = await host.StartConversationAsync(publicKey, visitorId: null);
        using var widget = host.Widget(publicKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/rose/v1/conversations/{conversationId}/messages") { Content = JsonContent.Create(new { text = question }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await widget.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("event: done", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return conversationId;
    }

    private async Task<T> AsTenantAsync<T>(Func<LinearDbContext, Task<T>> query)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use("acme"))
        {
            return await query(scope.ServiceProvider.GetRequiredService<LinearDbContext>());
        }
    }
}
