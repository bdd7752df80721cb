using System.Diagnostics.CodeAnalysis;

namespace Rose.Gateway.Monitoring;

/// <summary>
/// A parsed Sentry DSN, <c>{scheme}://{publicKey}@{host}[:port]/{path/}{projectId}</c>, and the envelope
/// endpoint it names (<c>{scheme}://{host}/{path/}api/{projectId}/envelope/</c>).
/// </summary>
public sealed record SentryDsn(string Scheme, string Host, int Port, string PathPrefix, string ProjectId, string PublicKey)
{
    public Uri EnvelopeEndpoint => new UriBuilder(Scheme, Host, Port, $"{PathPrefix}/api/{ProjectId}/envelope/").Uri;

    /// <summary>Same Sentry host and project: what an envelope must name to be forwarded.</summary>
    public bool SameProjectAs(SentryDsn other) =>
        string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase)
        && Port == other.Port
        && string.Equals(PathPrefix, other.PathPrefix, StringComparison.Ordinal)
        && string.Equals(ProjectId, other.ProjectId, StringComparison.Ordinal);

    public static bool TryParse(string? value, [NotNullWhen(true)] out SentryDsn? dsn)
    {
        dsn = null;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        var slash = path.LastIndexOf('/');
        var project = path[(slash + 1)..];
        if (project.Length == 0 || !project.All(char.IsAsciiDigit))
        {
            return false;
        }

        dsn = new SentryDsn(uri.Scheme, uri.Host, uri.Port, path[..slash], project, uri.UserInfo.Split(':')[0]);
        return true;
    }
}
