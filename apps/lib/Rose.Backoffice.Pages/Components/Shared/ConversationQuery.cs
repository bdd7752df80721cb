using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Rose.Chat.Reports;

namespace Rose.Backoffice.Pages.Components.Shared;

/// <summary>
/// The conversation list's filters as the query string carries them (dates as <c>yyyy-MM-dd</c>,
/// yes/no choices as <c>yes</c>/<c>no</c>), so a filtered list is a link that can be shared. A
/// value that does not parse filters nothing rather than failing the page.
/// </summary>
public sealed record ConversationQuery(
    string? From = null,
    string? To = null,
    string? Answered = null,
    string? Email = null,
    string? Company = null,
    string? Origin = null,
    string? Text = null,
    string? After = null)
{
    public bool IsEmpty => this with { After = null } == new ConversationQuery();

    public ConversationQuery WithAfter(string? after) => this with { After = after };

    public ConversationFilter ToFilter() => new(
        Day(From),
        Day(To)?.AddDays(1),
        YesNo(Answered),
        YesNo(Email),
        Company,
        Origin,
        Text,
        After);

    public string ToUrl(string path)
    {
        var values = new Dictionary<string, string?>
        {
            ["from"] = From, ["to"] = To, ["answered"] = Answered, ["email"] = Email,
            ["company"] = Company, ["origin"] = Origin, ["q"] = Text, ["after"] = After,
        };
        return QueryHelpers.AddQueryString(path, values.Where(v => !string.IsNullOrWhiteSpace(v.Value)));
    }

    /// <summary>A <c>yyyy-MM-dd</c> day as its UTC midnight; null when it does not parse.</summary>
    internal static DateTimeOffset? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : null;

    /// <summary><c>yes</c>/<c>no</c> as true/false; anything else is null.</summary>
    internal static bool? YesNo(string? value) => value switch
    {
        "yes" => true,
        "no" => false,
        _ => null,
    };
}
