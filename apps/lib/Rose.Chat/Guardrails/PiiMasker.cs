using System.Text.RegularExpressions;

namespace Rose.Chat.Guardrails;

/// <summary>Masks e-mail addresses and phone numbers before visitor text reaches a log.</summary>
public static partial class PiiMasker
{
    public static string Mask(string text)
    {
        var masked = Email().Replace(text, "[email]");
        masked = Phone().Replace(masked, "[phone]");
        return masked.Length > 200 ? masked[..200] + "…" : masked;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"\+?\d[\d\s().-]{7,}\d")]
    private static partial Regex Phone();
}
