using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Rose.Tagging.Api;

namespace Rose.Backoffice.Pages.Components.Shared;

/// <summary>
/// The leads list's filters as the query string carries them (minimum score 0–100, an intent label,
/// days as <c>yyyy-MM-dd</c>, e-mail left <c>yes</c>/<c>no</c>), so a filtered list is a link; a value
/// that does not parse filters nothing.
/// </summary>
public sealed record LeadQuery(string? MinScore = null, string? Intent = null, string? From = null, string? To = null, string? Email = null)
{
    public bool IsEmpty => this == new LeadQuery();

    public LeadFilter ToFilter() => new(
        int.TryParse(MinScore, NumberStyles.None, CultureInfo.InvariantCulture, out var min) && min is >= 0 and <= 100 ? min : null,
        string.IsNullOrWhiteSpace(Intent) ? null : Intent.Trim(),
        ConversationQuery.Day(From),
        ConversationQuery.Day(To)?.AddDays(1),
        ConversationQuery.YesNo(Email));

    public string ToUrl(string path)
    {
        var values = new Dictionary<string, string?> { ["minScore"] = MinScore, ["intent"] = Intent, ["from"] = From, ["to"] = To, ["email"] = Email };
        return QueryHelpers.AddQueryString(path, values.Where(v => !string.IsNullOrWhiteSpace(v.Value)));
    }
}
