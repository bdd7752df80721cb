namespace Rose.Backoffice.Pages.Components.Shared;

/// <summary>Only http(s) URLs become links: a <c>javascript:</c> or <c>data:</c> URL from a document or a visitor stays text.</summary>
public static class SafeLinks
{
    public static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps);
}
