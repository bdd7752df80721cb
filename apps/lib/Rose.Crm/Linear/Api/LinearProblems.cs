using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Rose.Crm.Linear.Client;

namespace Rose.Crm.Linear.Api;

/// <summary>Linear's failures as RFC 7807 problem details, each with a <c>linearFailure</c> extension (kebab-case) and Linear's own message as the detail.</summary>
internal static class LinearProblems
{
    public static ProblemHttpResult From(LinearApiException error, HttpContext context)
    {
        var (status, title) = error.Failure switch
        {
            LinearFailure.KeyRejected => (StatusCodes.Status502BadGateway, "Linear refused the API key"),
            LinearFailure.TeamNotFound => (StatusCodes.Status502BadGateway, "Linear has no such team for this key"),
            LinearFailure.RateLimited => (StatusCodes.Status429TooManyRequests, "Linear's rate limit is reached"),
            LinearFailure.Refused => (StatusCodes.Status502BadGateway, "Linear refused the request"),
            _ => (StatusCodes.Status502BadGateway, "Linear is unavailable"),
        };
        if (error.RetryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return TypedResults.Problem(statusCode: status, title: title, detail: error.Message,
            extensions: new Dictionary<string, object?> { ["linearFailure"] = WireName(error.Failure) });
    }

    public static string WireName(LinearFailure failure) => failure switch
    {
        LinearFailure.KeyRejected => "key-rejected",
        LinearFailure.TeamNotFound => "team-not-found",
        LinearFailure.RateLimited => "rate-limited",
        LinearFailure.Refused => "refused",
        _ => "unavailable",
    };
}
