using System.Net;

namespace Rose.Crm.HubSpot.Client;

/// <summary>HubSpot answered with an error after the retries; <see cref="Exception.Message"/> carries HubSpot's own message, never a token.</summary>
public sealed class HubSpotApiException(HttpStatusCode? statusCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public HttpStatusCode? StatusCode { get; } = statusCode;

    /// <summary>The token is not (or no longer) accepted: an OAuth token to refresh, or a connection to redo.</summary>
    public bool IsUnauthorized => StatusCode == HttpStatusCode.Unauthorized;
}
