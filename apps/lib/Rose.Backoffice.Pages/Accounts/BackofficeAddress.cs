using Microsoft.Extensions.Configuration;

namespace Rose.Backoffice.Pages.Accounts;

/// <summary>
/// The address the links in e-mails start with: <c>Rose:Backoffice:PublicUrl</c> (e.g.
/// <c>https://rose.example.com</c>) when set, so a forged Host header cannot send a reset link to
/// another site; otherwise the address the request came in on.
/// </summary>
public sealed class BackofficeAddress(IConfiguration configuration)
{
    public const string Key = "Rose:Backoffice:PublicUrl";

    /// <summary>The backoffice's base, ending in <c>/backoffice/</c>; <paramref name="requestBase"/> is the page's own base URI.</summary>
    public Uri For(string requestBase)
    {
        var configured = configuration[Key];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return new Uri(requestBase);
        }

        if (!Uri.TryCreate(configured, UriKind.Absolute, out var site) || site.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"{Key} is '{configured}'; use an absolute http(s) URL such as https://rose.example.com.");
        }

        return new Uri(site, BackofficeEndpointExtensions.PathBase + "/");
    }
}
