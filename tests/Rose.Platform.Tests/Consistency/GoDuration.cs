using System.Globalization;
using System.Text.RegularExpressions;

namespace Rose.Platform.Tests.Consistency;

/// <summary>Go's time.ParseDuration for the forms Dapr resources use ("500ms", "60s", "1m30s", "2h").</summary>
public static partial class GoDuration
{
    public static TimeSpan Parse(string text)
    {
        var total = TimeSpan.Zero;
        var parts = Part().Matches(text);
        if (parts.Count == 0 || string.Concat(parts.Select(p => p.Value)) != text)
        {
            throw new FormatException($"'{text}' is not a Go duration.");
        }

        foreach (Match part in parts)
        {
            var value = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            total += part.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                _ => TimeSpan.FromHours(value),
            };
        }

        return total;
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|s|m|h)")]
    private static partial Regex Part();
}
