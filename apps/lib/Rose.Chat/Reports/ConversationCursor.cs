using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Rose.Chat.Reports;

/// <summary>
/// Where a page of the list ended: the last row's activity time and id, the list's sort key. An
/// opaque, URL-safe token, so that clients pass it back as it is; a page starts strictly after it.
/// </summary>
public readonly record struct ConversationCursor(long LastActivityTicks, string ConversationId)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{LastActivityTicks.ToString(CultureInfo.InvariantCulture)}:{ConversationId}"));

    public static bool TryDecode(string? token, out ConversationCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(token) || token.Length > 120)
        {
            return false;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks > DateTimeOffset.MaxValue.UtcTicks || colon == text.Length - 1)
            {
                return false;
            }

            cursor = new ConversationCursor(ticks, text[(colon + 1)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
