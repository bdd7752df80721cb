using System.Globalization;

namespace Rose.Backoffice.Pages.Components.Shared;

/// <summary>Times as the pages show them: UTC, to the minute, the same for every reader.</summary>
public static class Dates
{
    public static string ToMinute(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
