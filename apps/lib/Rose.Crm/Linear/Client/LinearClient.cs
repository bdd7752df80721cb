using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Rose.Crm.Linear.Client;

/// <summary>
/// Linear's GraphQL API, called with a tenant's personal API key (sent as <c>Authorization: &lt;key&gt;</c>,
/// without a scheme, as Linear specifies for personal keys). Every failure becomes a
/// <see cref="LinearApiException"/> saying why; no retry here: the person who clicked decides.
/// </summary>
public sealed class LinearClient(HttpClient http, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<LinearTeam> GetTeamAsync(string apiKey, string teamId, CancellationToken cancellationToken)
    {
        var data = await SendAsync(apiKey, LinearGraphQL.TeamQuery, new { teamId }, treatErrorsAsMissingTeam: true, cancellationToken);
        if (data.TryGetProperty("team", out var team) && team.ValueKind == JsonValueKind.Object
            && Text(team, "id") is { } id && Text(team, "key") is { } key)
        {
            return new LinearTeam(id, key, Text(team, "name") ?? key);
        }

        throw new LinearApiException(LinearFailure.TeamNotFound, $"Linear has no team '{teamId}' that this key can see.");
    }

    public async Task<LinearIssue> CreateIssueAsync(string apiKey, LinearIssueInput input, CancellationToken cancellationToken)
    {
        var data = await SendAsync(apiKey, LinearGraphQL.IssueCreateMutation,
            new { input = new { id = input.Id, teamId = input.TeamId, title = input.Title, description = input.Description } },
            treatErrorsAsMissingTeam: false, cancellationToken);
        if (data.TryGetProperty("issueCreate", out var created) && created.ValueKind == JsonValueKind.Object
            && created.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.True
            && created.TryGetProperty("issue", out var issue) && issue.ValueKind == JsonValueKind.Object
            && Text(issue, "id") is { } id && Text(issue, "identifier") is { } identifier && Text(issue, "url") is { } url)
        {
            return new LinearIssue(id, identifier, url);
        }

        throw new LinearApiException(LinearFailure.Refused, "Linear answered issueCreate without creating the issue.");
    }

    private async Task<JsonElement> SendAsync(string apiKey, string query, object variables, bool treatErrorsAsMissingTeam, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, LinearGraphQL.Path)
        {
            Content = JsonContent.Create(new { query, variables }, options: Json),
        };
        // A personal API key goes as it is, without "Bearer" (that is for OAuth tokens).
        request.Headers.TryAddWithoutValidation("Authorization", apiKey);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new LinearApiException(LinearFailure.Unavailable, $"Linear could not be reached: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LinearApiException(LinearFailure.Unavailable, "Linear did not answer in time.");
        }

        using (response)
        {
            JsonDocument? body = null;
            try
            {
                body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            }
            catch (JsonException)
            {
                // Not Linear's JSON (a proxy's page, an empty body): judged by the status below.
            }

            using (body)
            {
                var root = body?.RootElement;
                var errors = root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Array && e.GetArrayLength() > 0
                    ? e : (JsonElement?)null;
                var codes = errors is { } list ? list.EnumerateArray().Select(Code).Where(c => c is not null).ToList() : [];
                if (response.StatusCode == HttpStatusCode.TooManyRequests || codes.Contains("RATELIMITED"))
                {
                    throw new LinearApiException(LinearFailure.RateLimited, Messages(errors) ?? "Linear's rate limit for this API key is reached.", RetryAfter(response));
                }

                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    || codes.Contains("AUTHENTICATION_ERROR") || codes.Contains("FORBIDDEN"))
                {
                    throw new LinearApiException(LinearFailure.KeyRejected, Messages(errors) ?? "Linear refused this API key.");
                }

                if (errors is not null)
                {
                    throw new LinearApiException(treatErrorsAsMissingTeam ? LinearFailure.TeamNotFound : LinearFailure.Refused, Messages(errors)!);
                }

                if (!response.IsSuccessStatusCode || root is not { ValueKind: JsonValueKind.Object } ok
                    || !ok.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
                {
                    throw new LinearApiException(LinearFailure.Unavailable, $"Linear answered {(int)response.StatusCode} without GraphQL data.");
                }

                return data.Clone();
            }
        }
    }

    /// <summary>Linear's reset is <c>X-RateLimit-Requests-Reset</c> (UTC epoch milliseconds); a <c>Retry-After</c> wins when present.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            return retryAfter.Delta ?? (retryAfter.Date is { } date ? Positive(date - clock.GetUtcNow()) : null);
        }

        return response.Headers.TryGetValues("X-RateLimit-Requests-Reset", out var values)
               && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var resetMs)
            ? Positive(DateTimeOffset.FromUnixTimeMilliseconds(resetMs) - clock.GetUtcNow())
            : null;
    }

    private static TimeSpan Positive(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;

    private static string? Code(JsonElement error) =>
        error.ValueKind == JsonValueKind.Object && error.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object
            ? Text(extensions, "code") : null;

    /// <summary>What Linear says a person should read (<c>userPresentableMessage</c>), else its message; the messages of all errors.</summary>
    private static string? Messages(JsonElement? errors) => errors is not { } list
        ? null
        : string.Join("; ", list.EnumerateArray().Select(e =>
            (e.TryGetProperty("extensions", out var x) && x.ValueKind == JsonValueKind.Object ? Text(x, "userPresentableMessage") : null)
            ?? Text(e, "message") ?? "unknown error").Distinct(StringComparer.Ordinal));

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
