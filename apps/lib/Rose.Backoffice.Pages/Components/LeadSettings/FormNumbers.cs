using System.Globalization;
using System.Numerics;

namespace Rose.Backoffice.Pages.Components.LeadSettings;

/// <summary>Reads a number typed in a settings form: empty is null, anything else that does not parse is an error in words.</summary>
internal static class FormNumbers
{
    public static T? Parse<T>(string? text, string what, Dictionary<string, string[]> errors) where T : struct, INumber<T>
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (T.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors[what] = [$"{what} must be a number, such as 12 or 0.05; \"{text.Trim()}\" is not."];
        return null;
    }
}
