using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Rose.Storage;

/// <summary>
/// A request that fails because the database cannot be reached (a transient <see cref="DbException"/>
/// anywhere in the chain: refused connection, server shutting down, timeout) answers 503 with
/// Retry-After and a problem body, rather than a 500 that reads as a bug: measured with PostgreSQL
/// stopped under load, every chat message, new conversation and lead answered 500. Nothing was stored
/// of such a request (its transaction never committed), so the client may simply try again.
/// Its services come from the request, so that a host without problem details or logging still builds.
/// </summary>
public sealed class StorageUnavailableExceptionHandler : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsStorageUnavailable(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.RequestServices.GetRequiredService<ILogger<StorageUnavailableExceptionHandler>>().LogWarning("Database unreachable, answering 503: {Error}", exception.GetBaseException().Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problems = httpContext.RequestServices.GetService<IProblemDetailsService>();
        if (problems is null)
        {
            return true;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Storage unavailable",
                Detail = "Rose cannot reach its database right now; nothing was saved. Please try again in a moment.",
            },
        });
    }

    public static bool IsStorageUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}
