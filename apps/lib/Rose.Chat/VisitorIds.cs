using System.Text.RegularExpressions;

namespace Rose.Chat;

/// <summary>The widget's visitor ids: random, URL-safe, chosen by the browser, so checked before they are stored.</summary>
public static partial class VisitorIds
{
    public const int MinLength = 16;
    public const int MaxLength = 64;

    public static bool IsValid(string? visitorId) => visitorId is not null && Shape().IsMatch(visitorId);

    [GeneratedRegex("^[A-Za-z0-9_-]{16,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
