using System.Text.Json;
using Rose.Testing;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Rose.Crm.Tests.Linear;

/// <summary>
/// Linear's GraphQL API on a local WireMock server: one endpoint, <c>POST /graphql</c>, answering the
/// team query and the <c>issueCreate</c> mutation as Linear does (200 with <c>data</c>, or with <c>errors</c>
/// whose <c>extensions.code</c> says why), and only to the one personal API key it knows.
/// </summary>
public sealed class LinearStub : IDisposable
{
    public const string ApiKey = "lin_api_test_0123456789abcdefghij";
    public const string TeamId = "9cfb482a-81e3-4154-b5b9-2c805e70a02d";
    public const string TeamKey = "ENG";
    public const string IssueIdentifier = "ENG-42";
    public const string IssueUrl = "https://linear.app/acme/issue/ENG-42/how-do-i-run-rose";
    public const string GraphQLPath = "/graphql";
    private const int DefaultPriority = 100;

    public LinearStub()
    {
        // Any other key: what Linear answers an unauthenticated request.
        Server.Server.Given(Request.Create().WithPath(GraphQLPath).UsingPost()).AtPriority(DefaultPriority + 10)
            .RespondWith(Json(401, new
            {
                errors = new[] { new { message = "Authentication required, not authenticated", extensions = new { type = "authentication error", code = "AUTHENTICATION_ERROR", userPresentableMessage = "You need to authenticate to access this operation." } } },
            }));
        OnTeamQuery(new { data = new { viewer = new { id = "user-1" }, team = new { id = TeamId, key = TeamKey, name = "Engineering" } } }, DefaultPriority);
        OnIssueCreate(200, IssueCreated(), priority: DefaultPriority);
    }

    public ExternalApiStub Server { get; } = new();

    public string Url => Server.Url;

    public static object IssueCreated() => new { data = new { issueCreate = new { success = true, issue = new { id = "ignored-see-request", identifier = IssueIdentifier, url = IssueUrl } } } };

    /// <summary>Answers the team query (sent with the known key) with <paramref name="body"/>.</summary>
    public void OnTeamQuery(object body, int priority = 1) =>
        Server.Server.Given(WithKey().WithBody(new WildcardMatcher("*RoseTeam*"))).AtPriority(priority).RespondWith(Json(200, body));

    /// <summary>Answers <c>issueCreate</c> (sent with the known key) with <paramref name="status"/> and <paramref name="body"/>.</summary>
    public void OnIssueCreate(int status, object body, IDictionary<string, string>? headers = null, int priority = 1)
    {
        var response = Json(status, body);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response.WithHeader(name, value);
        }

        Server.Server.Given(WithKey().WithBody(new WildcardMatcher("*issueCreate*"))).AtPriority(priority).RespondWith(response);
    }

    /// <summary>Forgets the answers a test added (the constructor's defaults stay).</summary>
    public void ResetOverrides()
    {
        foreach (var mapping in Server.Server.Mappings.Where(m => m.Priority < DefaultPriority).ToList())
        {
            Server.Server.DeleteMapping(mapping.Guid);
        }
    }

    public IReadOnlyList<ILogEntry> Requests() =>
        [.. Server.Server.LogEntries.Where(e => e.RequestMessage.Path == GraphQLPath).OrderBy(e => e.RequestMessage.DateTime)];

    /// <summary>The GraphQL requests whose query contains <paramref name="operation"/>, parsed, in order.</summary>
    public IReadOnlyList<JsonElement> Bodies(string operation) =>
        [.. Requests().Select(e => JsonDocument.Parse(e.RequestMessage.Body!).RootElement.Clone())
            .Where(b => b.GetProperty("query").GetString()!.Contains(operation, StringComparison.Ordinal))];

    private static IRequestBuilder WithKey() =>
        Request.Create().WithPath(GraphQLPath).UsingPost().WithHeader("Authorization", new ExactMatcher(ApiKey)).WithHeader("Content-Type", new WildcardMatcher("application/json*"));

    private static IResponseBuilder Json(int status, object body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(JsonSerializer.Serialize(body));

    public void Dispose() => Server.Dispose();
}
